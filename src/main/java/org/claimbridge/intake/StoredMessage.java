package org.claimbridge.intake;

import java.time.Instant;

/** A message as stored, for the features that apply or show it. */
public record StoredMessage(long id, Instant receivedAt, Channel channel, String sendingApplication,
                            String sendingFacility, String controlId, String messageType, String triggerEvent,
                            String version, String text, MessageStatus status) {
}
