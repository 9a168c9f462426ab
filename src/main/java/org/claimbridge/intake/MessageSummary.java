package org.claimbridge.intake;

import java.time.Instant;

/** A stored message as it shows in a list: its header and what became of it, without its text. */
public record MessageSummary(long id, Instant receivedAt, Channel channel, String peer, String sendingApplication,
                             String sendingFacility, String controlId, String messageType, String triggerEvent,
                             String version, MessageStatus status, String ackCode, String errorText,
                             int resendCount, Long conflictWithId, String patientMrn, String visitNumber) {
}
