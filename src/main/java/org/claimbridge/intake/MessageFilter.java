package org.claimbridge.intake;

import java.time.Instant;

/**
 * Which stored messages to list; null fields do not filter.
 *
 * @param sender    MSH-4 or MSH-3
 * @param type      message type ({@code ADT}) or type and event ({@code ADT^A04})
 * @param mrn       PID-3.1
 * @param from      received at or after
 * @param to        received before
 */
public record MessageFilter(String sender, String controlId, String type, MessageStatus status, String mrn,
                            Instant from, Instant to) {

    public static final MessageFilter ALL = new MessageFilter(null, null, null, null, null, null, null);
}
