package org.claimbridge.intake;

/**
 * What became of an arrival once it was committed.
 *
 * @param messageId the stored message (for a resend: the original one)
 * @param ack       the acknowledgement to send back, segments separated by {@code \r}
 * @param ackCode   MSA-1 of that acknowledgement
 * @param resend    true when this was an exact resend of a message already stored
 */
public record Receipt(long messageId, String ack, String ackCode, MessageStatus status, boolean resend) {
}
