package org.claimbridge.feed;

import java.time.Instant;

/**
 * One hour of a feed next to its usual pattern.
 *
 * @param usual          mean messages in the same hour over the baseline's samples
 * @param activeSamples  how many of those samples had any message
 * @param usualHour      an hour the feed normally sends in ({@link FeedProperties#usualShare()})
 * @param complete       false for the current hour, still under way
 */
public record FeedHour(Instant hour, int messages, double usual, int activeSamples, boolean usualHour,
                       boolean complete) {

    /** A finished hour in which the feed normally sends and sent nothing. */
    public boolean quiet() {
        return complete && usualHour && messages == 0;
    }
}
