package org.claimbridge.intake;

import java.time.Instant;

/**
 * One message's bytes as they arrived, before anything is made of them.
 *
 * @param peer the remote address, or the file name and the message's place in it
 */
public record Arrival(byte[] bytes, Channel channel, String peer, Instant receivedAt) {
}
