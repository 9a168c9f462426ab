package org.claimbridge.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.claimbridge.intake.FeedActivity;
import org.claimbridge.intake.FeedTraitKind;

/**
 * The two ways a feed goes wrong without an error: it stops (quiet in hours it normally sends in), or it changes
 * (drift: a segment id, MSH-12 version, MSH-18 charset or message type the sender never sent before).
 */
final class FeedAlerts {

    private static final int BEFORE_SHOWN = 5;

    private final FeedProperties properties;

    FeedAlerts(FeedProperties properties) {
        this.properties = properties;
    }

    /**
     * One alert per quiet spell: a run of finished hours without messages that starts in a usual hour and ends with
     * the next message (or is still going on), when its usual hours would have brought at least
     * {@code quiet-min-expected} messages. Hours the feed does not normally send in neither start nor break a spell.
     *
     * @param lastBefore the sender's last message before an instant, for the alert's link
     */
    List<FeedAlert> quiet(String sender, List<FeedHour> hours,
                          Function<Instant, Optional<FeedActivity.MessageRef>> lastBefore) {
        List<FeedAlert> alerts = new ArrayList<>();
        int i = 0;
        while (i < hours.size()) {
            if (!hours.get(i).quiet()) {
                i++;
                continue;
            }
            int start = i;
            int lastUsual = i;
            int usualHours = 0;
            double expected = 0;
            int j = i;
            while (j < hours.size() && hours.get(j).complete() && hours.get(j).messages() == 0) {
                if (hours.get(j).usualHour()) {
                    expected += hours.get(j).usual();
                    usualHours++;
                    lastUsual = j;
                }
                j++;
            }
            boolean ongoing = j == hours.size() || hours.get(j).messages() == 0;
            if (expected > 0 && expected >= properties.quietMinExpected()) {
                Instant since = hours.get(start).hour();
                Optional<FeedActivity.MessageRef> last = lastBefore.apply(since);
                alerts.add(new FeedAlert(sender, AlertKind.QUIET, "no messages in " + usualHours
                        + (usualHours == 1 ? " hour" : " hours") + " it normally sends in; about "
                        + Math.round(expected) + " expected", since, hours.get(lastUsual).hour().plus(Duration.ofHours(1)),
                        ongoing, last.map(FeedActivity.MessageRef::id).orElse(null),
                        last.map(FeedActivity.MessageRef::receivedAt).orElse(null)));
            }
            i = j;
        }
        return alerts;
    }

    /**
     * One alert per trait first seen from a sender in the last {@code drift-days}, for senders that were sending
     * before those days began (a new sender's first messages are its baseline, not drift).
     */
    List<FeedAlert> drift(List<FeedActivity.Trait> traits, Instant now) {
        Instant recent = now.minus(Duration.ofDays(properties.driftDays()));
        Map<String, List<FeedActivity.Trait>> bySender = new HashMap<>();
        traits.forEach(t -> bySender.computeIfAbsent(t.sender(), s -> new ArrayList<>()).add(t));
        List<FeedAlert> alerts = new ArrayList<>();
        bySender.forEach((sender, own) -> {
            Instant first = own.stream().map(FeedActivity.Trait::firstSeen).min(Comparator.naturalOrder()).orElse(now);
            if (!first.isBefore(recent)) {
                return;
            }
            own.sort(Comparator.comparing(FeedActivity.Trait::firstSeen)
                    .thenComparing(FeedActivity.Trait::firstMessageId));
            for (FeedActivity.Trait trait : own) {
                if (trait.firstSeen().isBefore(recent) || trait.firstSeen().isAfter(now)) {
                    continue;
                }
                List<String> before = own.stream().filter(t -> t.kind() == trait.kind())
                        .filter(t -> t.firstSeen().isBefore(trait.firstSeen()))
                        .map(t -> shown(t.kind(), t.value())).toList();
                alerts.add(new FeedAlert(sender, AlertKind.of(trait.kind()), describe(trait, before),
                        trait.firstSeen(), null, true, trait.firstMessageId(), trait.firstSeen()));
            }
        });
        return alerts;
    }

    private static String describe(FeedActivity.Trait trait, List<String> before) {
        String value = shown(trait.kind(), trait.value());
        if (trait.kind() == FeedTraitKind.SEGMENT) {
            return "segment " + value + ", never sent by this sender before";
        }
        String what = switch (trait.kind()) {
            case VERSION -> "HL7 version (MSH-12) " + value;
            case CHARSET -> "character set (MSH-18) " + value;
            default -> "message type " + value;
        };
        if (before.isEmpty()) {
            return what + ", never sent before";
        }
        List<String> shown = before.size() <= BEFORE_SHOWN ? before
                : before.subList(before.size() - BEFORE_SHOWN, before.size());
        return what + "; before: " + String.join(", ", shown) + (before.size() > BEFORE_SHOWN ? " and more" : "");
    }

    private static String shown(FeedTraitKind kind, String value) {
        return kind == FeedTraitKind.CHARSET && value.isEmpty() ? "none declared" : value;
    }
}
