package org.claimbridge.intake;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * A message ready to be journaled, with the ACKs that go back once it is committed. What the journal's writer needs
 * of it beyond that is worked out here, on the thread that received it, since every sender waits on that writer.
 *
 * @param conflictAcks the ACKs to send instead should the journal find it re-uses an earlier message's control id
 * @param dedupeKey    sender and control id: what a resend shares with its original; null without a control id
 * @param dedupeHash   held by the accepted original only, so the database itself refuses a second one under the same
 *                     key
 * @param storedBytes  the received bytes, or null when they are exactly the text in its charset (the usual case): the
 *                     text then holds them whole, and each message is written once instead of twice
 * @param traits       what the message is made of, for the feed's activity
 */
record NewMessage(Arrival arrival, Hl7Header header, String text, String charset, byte[] contentHash,
                  MessageStatus status, List<String> acks, String ackCode, List<Hl7Problem> problems,
                  Supplier<List<String>> conflictAcks, String dedupeKey, byte[] dedupeHash, byte[] storedBytes,
                  List<FeedRecorder.Trait> traits) {

    NewMessage(Arrival arrival, Hl7Header header, String text, String charset, byte[] contentHash,
               MessageStatus status, List<String> acks, String ackCode, List<Hl7Problem> problems,
               Supplier<List<String>> conflictAcks) {
        this(arrival, header, text, charset, contentHash, status, acks, ackCode, problems, conflictAcks,
                dedupeKeyOf(header), storedBytesOf(arrival, text, charset), FeedRecorder.traits(header, text));
    }

    private NewMessage(Arrival arrival, Hl7Header header, String text, String charset, byte[] contentHash,
                       MessageStatus status, List<String> acks, String ackCode, List<Hl7Problem> problems,
                       Supplier<List<String>> conflictAcks, String dedupeKey, byte[] storedBytes,
                       List<FeedRecorder.Trait> traits) {
        this(arrival, header, text, charset, contentHash, status, acks, ackCode, problems, conflictAcks, dedupeKey,
                dedupeKey == null ? null : sha256(dedupeKey.getBytes(StandardCharsets.UTF_8)), storedBytes, traits);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String dedupeKeyOf(Hl7Header header) {
        return header.controlId() == null ? null
                : header.sendingFacility() + "\u0000" + header.sendingApplication() + "\u0000" + header.controlId();
    }

    private static byte[] storedBytesOf(Arrival arrival, String text, String charset) {
        byte[] bytes = arrival.bytes();
        if (text != null && charset != null && Arrays.equals(text.getBytes(Charset.forName(charset)), bytes)) {
            return null;
        }
        return bytes;
    }
}
