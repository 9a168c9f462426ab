package org.claimbridge.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.claimbridge.intake.FeedActivity;
import org.claimbridge.intake.FeedTraitKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The usual pattern and the alerts drawn from it, on hand-made hour counts and traits. */
class FeedAlertsTest {

    /** A Wednesday, half past noon UTC. */
    private static final Instant NOW = Instant.parse("2026-11-25T12:30:00Z");

    private static final FeedProperties DEFAULTS = FeedProperties.defaults();

    private final UsualPattern pattern = new UsualPattern(DEFAULTS);
    private final FeedAlerts alerts = new FeedAlerts(DEFAULTS);

    /** Counts for {@code sender} at these UTC hours of each of the last {@code days} days before today. */
    private static List<FeedActivity.HourCount> history(String sender, int days, int messages, int... hours) {
        List<FeedActivity.HourCount> counts = new ArrayList<>();
        Instant today = Instant.parse("2026-11-25T00:00:00Z");
        for (int d = 1; d <= days; d++) {
            for (int hour : hours) {
                counts.add(new FeedActivity.HourCount(sender, today.minus(Duration.ofDays(d))
                        .plus(Duration.ofHours(hour)), messages));
            }
        }
        return counts;
    }

    private static FeedActivity.HourCount today(String sender, int hour, int messages) {
        return new FeedActivity.HourCount(sender, Instant.parse("2026-11-25T00:00:00Z")
                .plus(Duration.ofHours(hour)), messages);
    }

    private List<FeedAlert> quiet(String sender, List<FeedActivity.HourCount> counts) {
        List<FeedHour> hours = pattern.hours(counts, NOW, 24).get(sender);
        return alerts.quiet(sender, hours, since -> Optional.of(new FeedActivity.MessageRef(77,
                since.minus(Duration.ofMinutes(2)))));
    }

    @Test
    void theUsualCountIsTheSameHourOnTheSameWeekdayOfThePreviousFourWeeks() {
        List<FeedActivity.HourCount> counts = new ArrayList<>(history("FAMPRAC", 28, 4, 10));
        // one Wednesday a week ago with more: the mean of 4, 4, 4, 12
        counts.removeIf(c -> c.hour().equals(Instant.parse("2026-11-18T10:00:00Z")));
        counts.add(new FeedActivity.HourCount("FAMPRAC", Instant.parse("2026-11-18T10:00:00Z"), 12));
        counts.add(today("FAMPRAC", 10, 6));
        List<FeedHour> hours = pattern.hours(counts, NOW, 24).get("FAMPRAC");

        assertThat(hours).hasSize(24);
        assertThat(hours.get(23).hour()).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
        assertThat(hours.get(23).complete()).isFalse();
        FeedHour ten = hours.stream().filter(h -> h.hour().equals(Instant.parse("2026-11-25T10:00:00Z")))
                .findFirst().orElseThrow();
        assertThat(ten.messages()).isEqualTo(6);
        assertThat(ten.usual()).isEqualTo(6.0);
        assertThat(ten.activeSamples()).isEqualTo(4);
        assertThat(ten.usualHour()).isTrue();
        FeedHour eleven = hours.get(22);
        assertThat(eleven.usual()).isZero();
        assertThat(eleven.usualHour()).isFalse();
    }

    @Test
    void aFeedQuietInHoursItNormallySendsInAlertsSinceTheFirstQuietHourWithTheLastMessageBefore() {
        List<FeedActivity.HourCount> counts = new ArrayList<>(history("FAMPRAC", 28, 5, 8, 9, 10, 11, 12));
        counts.add(today("FAMPRAC", 8, 6));

        List<FeedAlert> found = quiet("FAMPRAC", counts);

        assertThat(found).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(AlertKind.QUIET);
            assertThat(alert.since()).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
            assertThat(alert.until()).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
            assertThat(alert.ongoing()).isTrue();
            assertThat(alert.what()).isEqualTo("no messages in 3 hours it normally sends in; about 15 expected");
            assertThat(alert.messageId()).isEqualTo(77L);
            assertThat(alert.messageAt()).isEqualTo(Instant.parse("2026-11-25T08:58:00Z"));
        });
    }

    @Test
    void quietInHoursItNeverSendsInIsNoAlert() {
        // sends afternoons only; nothing this morning is as usual
        List<FeedActivity.HourCount> counts = new ArrayList<>(history("HOSPOP", 28, 9, 14, 15, 16));
        counts.add(today("HOSPOP", 12, 0));

        assertThat(quiet("HOSPOP", counts)).isEmpty();
    }

    @Test
    void anHourWithMessagesInOnlyHalfItsSamplesIsNotOneItNormallySendsIn() {
        // 10:00 on two of the last four Wednesdays (and every other day, which by weekday does not count)
        List<FeedActivity.HourCount> counts = new ArrayList<>(history("FAMPRAC", 28, 8, 10));
        counts.removeIf(c -> c.hour().equals(Instant.parse("2026-11-18T10:00:00Z"))
                || c.hour().equals(Instant.parse("2026-11-04T10:00:00Z")));

        List<FeedHour> hours = pattern.hours(counts, NOW, 24).get("FAMPRAC");
        assertThat(hours.get(21).activeSamples()).isEqualTo(2);
        assertThat(hours.get(21).usualHour()).isFalse();
        assertThat(quiet("FAMPRAC", counts)).isEmpty();

        // compared with every day instead, 26 of 28 days had messages at 10:00: a usual hour, and quiet today
        FeedProperties daily = new FeedProperties(24, 168, 28, false, 0.75, 3, 7, ZoneId.of("UTC"));
        List<FeedHour> byDay = new UsualPattern(daily).hours(counts, NOW, 24).get("FAMPRAC");
        assertThat(byDay.get(21).usualHour()).isTrue();
        assertThat(new FeedAlerts(daily).quiet("FAMPRAC", byDay, since -> Optional.empty()))
                .singleElement().satisfies(a -> assertThat(a.messageId()).isNull());
    }

    @Test
    void aQuietSpellBelowTheExpectedMinimumIsNoAlert() {
        // one message at 10:00 usually: missing it is within a trickle feed's chance
        List<FeedActivity.HourCount> counts = new ArrayList<>(history("FAMPRAC", 28, 1, 10));
        counts.add(today("FAMPRAC", 11, 1));

        assertThat(quiet("FAMPRAC", counts)).isEmpty();
    }

    @Test
    void aSpellTheFeedCameBackFromIsShownEndedAndHoursItDoesNotSendInDoNotBreakIt() {
        // usual at 6, 7, 9 and 10, never at 8; quiet from 6 to 9 (8 included), back at 10
        List<FeedActivity.HourCount> counts = new ArrayList<>(history("FAMPRAC", 28, 4, 6, 7, 9, 10));
        counts.add(today("FAMPRAC", 10, 3));

        assertThat(quiet("FAMPRAC", counts)).singleElement().satisfies(alert -> {
            assertThat(alert.since()).isEqualTo(Instant.parse("2026-11-25T06:00:00Z"));
            assertThat(alert.until()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
            assertThat(alert.ongoing()).isFalse();
            assertThat(alert.what()).startsWith("no messages in 3 hours");
        });
    }

    @Test
    void theCurrentHourIsNeverQuietYet() {
        List<FeedActivity.HourCount> counts = new ArrayList<>(history("FAMPRAC", 28, 9, 11, 12));
        counts.add(today("FAMPRAC", 11, 9));

        assertThat(quiet("FAMPRAC", counts)).isEmpty();
    }

    private static FeedActivity.Trait trait(String sender, FeedTraitKind kind, String value, String seen, long id) {
        return new FeedActivity.Trait(sender, kind, value, Instant.parse(seen), id);
    }

    @Test
    void aNewVersionSegmentCharsetAndTypeEachAlertOnceWithTheirFirstMessage() {
        List<FeedActivity.Trait> traits = List.of(
                trait("FAMPRAC", FeedTraitKind.VERSION, "2.5", "2026-10-01T08:00:00Z", 1),
                trait("FAMPRAC", FeedTraitKind.SEGMENT, "MSH", "2026-10-01T08:00:00Z", 1),
                trait("FAMPRAC", FeedTraitKind.SEGMENT, "PID", "2026-10-01T08:00:00Z", 1),
                trait("FAMPRAC", FeedTraitKind.CHARSET, "", "2026-10-01T08:00:00Z", 1),
                trait("FAMPRAC", FeedTraitKind.TYPE, "ADT^A04", "2026-10-01T08:00:00Z", 1),
                trait("FAMPRAC", FeedTraitKind.TYPE, "DFT^P03", "2026-10-02T08:00:00Z", 5),
                // new this week
                trait("FAMPRAC", FeedTraitKind.VERSION, "2.7", "2026-11-24T09:15:00Z", 420),
                trait("FAMPRAC", FeedTraitKind.SEGMENT, "ZPI", "2026-11-24T09:15:00Z", 420),
                trait("FAMPRAC", FeedTraitKind.CHARSET, "UNICODE UTF-8", "2026-11-25T07:00:00Z", 431),
                trait("FAMPRAC", FeedTraitKind.TYPE, "ADT^A08", "2026-11-23T10:00:00Z", 400));

        List<FeedAlert> found = alerts.drift(new ArrayList<>(traits), NOW);

        assertThat(found).hasSize(4);
        assertThat(found).filteredOn(a -> a.kind() == AlertKind.NEW_VERSION).singleElement().satisfies(a -> {
            assertThat(a.what()).isEqualTo("HL7 version (MSH-12) 2.7; before: 2.5");
            assertThat(a.messageId()).isEqualTo(420L);
            assertThat(a.since()).isEqualTo(Instant.parse("2026-11-24T09:15:00Z"));
        });
        assertThat(found).filteredOn(a -> a.kind() == AlertKind.NEW_SEGMENT).singleElement().satisfies(a -> {
            assertThat(a.what()).isEqualTo("segment ZPI, never sent by this sender before");
            assertThat(a.messageId()).isEqualTo(420L);
        });
        assertThat(found).filteredOn(a -> a.kind() == AlertKind.NEW_CHARSET).singleElement().satisfies(a -> {
            assertThat(a.what()).isEqualTo("character set (MSH-18) UNICODE UTF-8; before: none declared");
            assertThat(a.messageId()).isEqualTo(431L);
        });
        assertThat(found).filteredOn(a -> a.kind() == AlertKind.NEW_TYPE).singleElement().satisfies(a ->
                assertThat(a.what()).isEqualTo("message type ADT^A08; before: ADT^A04, DFT^P03"));
    }

    @Test
    void aNewSendersFirstMessagesAreItsBaselineNotDriftAndOldChangesAreNoLongerNew() {
        List<FeedActivity.Trait> traits = List.of(
                trait("NEWCLINIC", FeedTraitKind.VERSION, "2.5", "2026-11-23T08:00:00Z", 300),
                trait("NEWCLINIC", FeedTraitKind.VERSION, "2.6", "2026-11-24T08:00:00Z", 350),
                trait("FAMPRAC", FeedTraitKind.VERSION, "2.5", "2026-09-01T08:00:00Z", 1),
                trait("FAMPRAC", FeedTraitKind.VERSION, "2.6", "2026-11-10T08:00:00Z", 100));

        assertThat(alerts.drift(new ArrayList<>(traits), NOW)).isEmpty();
    }
}
