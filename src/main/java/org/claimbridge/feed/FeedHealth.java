package org.claimbridge.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.claimbridge.intake.FeedActivity;
import org.claimbridge.practice.Practice;
import org.claimbridge.practice.PracticeDirectory;
import org.springframework.stereotype.Service;

/**
 * Every feed's last hours against its usual pattern, and the alerts: quiet spells and drift. Feeds are the sending
 * facilities (MSH-4) that sent in the window or its baseline, and every configured practice, sending or not.
 */
@Service
public class FeedHealth {

    /**
     * One feed.
     *
     * @param practice the configured practice's name, or null for a sender that is not one
     * @param messages messages in the window
     * @param usual    the usual count summed over the window's hours
     * @param latest   the newest message stored from the sender, or null
     */
    public record Feed(String sender, String practice, List<FeedHour> hours, int messages, double usual,
                       FeedActivity.MessageRef latest, List<FeedAlert> alerts) {

        public String name() {
            return practice != null ? practice : sender;
        }

        public boolean healthy() {
            return alerts.isEmpty();
        }

        public boolean quiet() {
            return alerts.stream().anyMatch(a -> a.kind() == AlertKind.QUIET && a.ongoing());
        }

        /** The last finished hour. */
        public FeedHour lastHour() {
            return hours.size() < 2 ? hours.get(hours.size() - 1) : hours.get(hours.size() - 2);
        }
    }

    /**
     * @param now   the instant judged at
     * @param hours the window's length
     */
    public record Report(Instant now, int hours, FeedProperties settings, List<Feed> feeds, List<FeedAlert> alerts) {
    }

    private final FeedActivity activity;
    private final PracticeDirectory practices;
    private final FeedProperties properties;
    private final Clock clock;
    private final UsualPattern pattern;
    private final FeedAlerts judge;

    FeedHealth(FeedActivity activity, PracticeDirectory practices, FeedProperties properties, Clock clock) {
        this.activity = activity;
        this.practices = practices;
        this.properties = properties;
        this.clock = clock;
        this.pattern = new UsualPattern(properties);
        this.judge = new FeedAlerts(properties);
    }

    public FeedProperties settings() {
        return properties;
    }

    /** The report over the last {@code hours} hours (the current one included). */
    public Report report(int hours) {
        if (hours < 1 || hours > properties.maxWindowHours()) {
            throw new IllegalArgumentException("hours must be 1 to " + properties.maxWindowHours() + ", not " + hours);
        }
        Instant now = clock.instant();
        Instant end = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        Map<String, List<FeedHour>> patterns = pattern.hours(activity.hours(pattern.dataStart(now, hours), end), now,
                hours);
        List<FeedAlert> drift = judge.drift(activity.traits(), now);
        Set<String> senders = new LinkedHashSet<>(patterns.keySet());
        practices.configured().stream().map(Practice::sendingFacility).forEach(senders::add);
        drift.forEach(a -> senders.add(a.sender()));
        Map<String, FeedActivity.MessageRef> latest = activity.latest(senders);
        Map<String, List<FeedAlert>> alertsBySender = new HashMap<>();
        drift.forEach(a -> alertsBySender.computeIfAbsent(a.sender(), s -> new ArrayList<>()).add(a));
        List<Feed> feeds = new ArrayList<>();
        for (String sender : senders) {
            List<FeedHour> window = patterns.computeIfAbsent(sender, s -> pattern.hours(Map.of(), now, hours));
            List<FeedAlert> alerts = new ArrayList<>(judge.quiet(sender, window,
                    since -> activity.lastBefore(sender, since)));
            alerts.addAll(alertsBySender.getOrDefault(sender, List.of()));
            alerts.sort(ALERT_ORDER);
            String practice = practices.find(sender).filter(Practice::configured).map(Practice::name).orElse(null);
            feeds.add(new Feed(sender, practice, window, window.stream().mapToInt(FeedHour::messages).sum(),
                    Math.round(10 * window.stream().mapToDouble(FeedHour::usual).sum()) / 10.0, latest.get(sender),
                    List.copyOf(alerts)));
        }
        feeds.sort(Comparator.comparing(Feed::healthy).thenComparing(Feed::name, String.CASE_INSENSITIVE_ORDER));
        List<FeedAlert> all = feeds.stream().flatMap(f -> f.alerts().stream()).sorted(ALERT_ORDER).toList();
        return new Report(now, hours, properties, List.copyOf(feeds), all);
    }

    /** Feeds quiet now first, then the newest change first. */
    private static final Comparator<FeedAlert> ALERT_ORDER = Comparator
            .comparing((FeedAlert a) -> !(a.kind() == AlertKind.QUIET && a.ongoing()))
            .thenComparing(FeedAlert::since, Comparator.reverseOrder())
            .thenComparing(FeedAlert::sender).thenComparing(FeedAlert::kind).thenComparing(FeedAlert::what);
}
