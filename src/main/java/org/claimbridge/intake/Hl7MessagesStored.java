package org.claimbridge.intake;

import java.util.List;

/** Published in the transaction that stored these messages, in the order they were received. */
public record Hl7MessagesStored(List<Long> messageIds) {
}
