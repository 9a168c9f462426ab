package org.claimbridge.feed;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How feed health judges a feed.
 *
 * @param windowHours       hours shown, the current (partial) hour last
 * @param maxWindowHours    the most a page may ask for
 * @param baselineDays      days before each hour its usual count is taken from
 * @param byWeekday         compare an hour with the same hour on the same weekday (one sample a week) rather than
 *                          with the same hour on every day: practices are closed at weekends
 * @param usualShare        an hour is one the feed normally sends in when it had messages in at least this share of
 *                          its samples (0.75 with 28 days by weekday: 3 of the last 4 same weekdays)
 * @param quietMinExpected  a quiet spell alerts once its usual hours would together have brought this many messages
 * @param driftDays         a segment id, version, charset or type first seen from a sender this many days ago or less
 *                          is new, when the sender was sending before that
 * @param zone              the time zone hours are labelled in (counting is in UTC hours)
 */
@ConfigurationProperties("claimbridge.feeds")
public record FeedProperties(@DefaultValue("24") int windowHours, @DefaultValue("168") int maxWindowHours,
                             @DefaultValue("28") int baselineDays, @DefaultValue("true") boolean byWeekday,
                             @DefaultValue("0.75") double usualShare, @DefaultValue("3") double quietMinExpected,
                             @DefaultValue("7") int driftDays, @DefaultValue("UTC") ZoneId zone) {

    public FeedProperties {
        if (windowHours < 1 || maxWindowHours < windowHours) {
            throw new IllegalArgumentException("claimbridge.feeds.window-hours must be 1 or more and at most"
                    + " claimbridge.feeds.max-window-hours, not " + windowHours + " and " + maxWindowHours);
        }
        if (baselineDays < (byWeekday ? 7 : 1)) {
            throw new IllegalArgumentException("claimbridge.feeds.baseline-days must be at least "
                    + (byWeekday ? "7 with by-weekday" : "1") + ", not " + baselineDays);
        }
        if (usualShare <= 0 || usualShare > 1) {
            throw new IllegalArgumentException("claimbridge.feeds.usual-share must be above 0 and at most 1, not "
                    + usualShare);
        }
        if (quietMinExpected < 0 || driftDays < 1) {
            throw new IllegalArgumentException("claimbridge.feeds.quiet-min-expected must be 0 or more and"
                    + " claimbridge.feeds.drift-days 1 or more");
        }
    }

    public static FeedProperties defaults() {
        return new FeedProperties(24, 168, 28, true, 0.75, 3, 7, ZoneId.of("UTC"));
    }

    /** Samples per hour: one per week of the baseline, or one per day. */
    public int samples() {
        return byWeekday ? baselineDays / 7 : baselineDays;
    }

    /** Samples with messages that make an hour a usual one: at least one, and at least the usual share. */
    public int usualSamples() {
        return Math.max(1, (int) Math.ceil(usualShare * samples() - 1e-9));
    }
}
