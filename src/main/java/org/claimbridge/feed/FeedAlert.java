package org.claimbridge.feed;

import java.time.Instant;

/**
 * Something about a feed to look at.
 *
 * @param what      what changed, in words ("MSH-12 2.7, before 2.5")
 * @param since     when it began: the first quiet hour, or the first message showing the change
 * @param until     for a quiet spell, the end of its last quiet hour; null for drift
 * @param ongoing   a quiet spell that has not ended (no message since); drift is always so
 * @param messageId the first message showing the change; for a quiet spell the last message before it, if any
 * @param messageAt when that message was received
 */
public record FeedAlert(String sender, AlertKind kind, String what, Instant since, Instant until, boolean ongoing,
                        Long messageId, Instant messageAt) {
}
