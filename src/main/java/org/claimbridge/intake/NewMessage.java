package org.claimbridge.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.function.Supplier;

/**
 * A message ready to be journaled, with the ACKs that go back once it is committed.
 *
 * @param conflictAcks the ACKs to send instead should the journal find it re-uses an earlier message's control id
 */
record NewMessage(Arrival arrival, Hl7Header header, String text, String charset, byte[] contentHash,
                  MessageStatus status, List<String> acks, String ackCode, List<Hl7Problem> problems,
                  Supplier<List<String>> conflictAcks) {

    /** Held by the accepted original only, so the database itself refuses a second one under the same key. */
    byte[] dedupeHash() {
        String key = dedupeKey();
        return key == null ? null : sha256(key.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sender and control id: what a resend shares with its original. */
    String dedupeKey() {
        return header.controlId() == null ? null
                : header.sendingFacility() + "\u0000" + header.sendingApplication() + "\u0000" + header.controlId();
    }
}
