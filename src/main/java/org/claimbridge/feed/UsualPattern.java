package org.claimbridge.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.claimbridge.intake.FeedActivity;

/**
 * Each hour of a window next to the same hour in the baseline: the same hour on each of the previous
 * {@code baseline-days} days, or on the same weekday of each previous week. Samples are whole hours counted back
 * from the hour itself, so the comparison needs no time zone (the weekday lines up in every zone).
 */
final class UsualPattern {

    private final FeedProperties properties;

    UsualPattern(FeedProperties properties) {
        this.properties = properties;
    }

    /** The window's first hour: {@code hours - 1} hours before the current one. */
    static Instant windowStart(Instant now, int hours) {
        return now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(hours - 1L));
    }

    /** The first hour the window's samples reach back to. */
    Instant dataStart(Instant now, int hours) {
        return windowStart(now, hours).minus(step().multipliedBy(properties.samples()));
    }

    /** Per sender, the window's hours in order, for every sender that has a count between dataStart and now. */
    Map<String, List<FeedHour>> hours(List<FeedActivity.HourCount> counts, Instant now, int hours) {
        Map<String, Map<Instant, Integer>> bySender = new HashMap<>();
        for (FeedActivity.HourCount count : counts) {
            bySender.computeIfAbsent(count.sender(), s -> new HashMap<>()).merge(count.hour(), count.messages(),
                    Integer::sum);
        }
        Map<String, List<FeedHour>> patterns = new HashMap<>();
        bySender.forEach((sender, counted) -> patterns.put(sender, hours(counted, now, hours)));
        return patterns;
    }

    List<FeedHour> hours(Map<Instant, Integer> counted, Instant now, int hours) {
        Instant current = now.truncatedTo(ChronoUnit.HOURS);
        Instant start = windowStart(now, hours);
        int samples = properties.samples();
        List<FeedHour> window = new ArrayList<>(hours);
        for (int i = 0; i < hours; i++) {
            Instant hour = start.plus(Duration.ofHours(i));
            int total = 0;
            int active = 0;
            for (int k = 1; k <= samples; k++) {
                int sample = counted.getOrDefault(hour.minus(step().multipliedBy(k)), 0);
                total += sample;
                if (sample > 0) {
                    active++;
                }
            }
            double usual = Math.round(10.0 * total / samples) / 10.0;
            window.add(new FeedHour(hour, counted.getOrDefault(hour, 0), usual, active,
                    active >= properties.usualSamples(), hour.isBefore(current)));
        }
        return window;
    }

    private Duration step() {
        return properties.byWeekday() ? Duration.ofDays(7) : Duration.ofDays(1);
    }
}
