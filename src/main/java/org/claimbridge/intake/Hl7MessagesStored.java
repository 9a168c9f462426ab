package org.claimbridge.intake;

import java.util.List;

/**
 * Published once these messages are committed, in the order they were received. A wake-up call only: the messages
 * stay RECEIVED in the store until a feature applies them, so nothing depends on this event surviving a crash.
 */
public record Hl7MessagesStored(List<Long> messageIds) {
}
