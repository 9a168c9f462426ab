package org.claimbridge.intake;

import java.time.Instant;
import java.util.List;

/**
 * Everything stored about one message.
 *
 * @param rawText       decoded text, segments separated by {@code \r}; null when the bytes could not be decoded
 * @param rawBytes      exactly what arrived
 * @param ackText       the ACK(s) sent, several separated by {@code \n}
 * @param conflictWithId the earlier message whose control id this one re-used with other content
 * @param conflicts     later messages that re-used this one's control id with other content
 */
public record MessageDetail(long id, Instant receivedAt, Channel channel, String peer, String sendingApplication,
                            String sendingFacility, String receivingApplication, String receivingFacility,
                            String controlId, String messageType, String triggerEvent, String version,
                            String processingId, String charset, String rawText, byte[] rawBytes,
                            MessageStatus status, String ackCode, String ackText, String errorCode,
                            String errorLocation, String errorText, int resendCount, Instant lastResentAt,
                            Long conflictWithId, List<Long> conflicts, String patientMrn, String visitNumber,
                            Instant appliedAt, String applyNote) {
}
