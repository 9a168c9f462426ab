package org.claimbridge.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.claimbridge.feed.AlertKind;
import org.claimbridge.feed.FeedAlert;
import org.claimbridge.feed.FeedHealth;
import org.claimbridge.feed.FeedHour;
import org.claimbridge.feed.FeedProperties;
import org.claimbridge.remit.ClaimClocks;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Feed health for managers: each practice's messages by hour next to its usual pattern (chart and numbers), the
 * alerts (quiet feeds, drift), and the claims past their answer clocks or waiting for a correction, most money per
 * day left to the timely-filing deadline first.
 */
@Controller
class FeedHealthPage implements Page {

    static final String PATH = "/feeds";

    private static final int AT_RISK_SHOWN = 200;

    private final FeedHealth health;
    private final ClaimClocks clocks;

    FeedHealthPage(FeedHealth health, ClaimClocks clocks) {
        this.health = health;
        this.clocks = clocks;
    }

    /** One hour as shown: its label in the page's zone and the numbers. */
    record HourRow(String label, String day, int messages, double usual, boolean usualHour, boolean quiet,
                   boolean complete) {
    }

    /**
     * One feed's card.
     *
     * @param chartId the canvas id: {@code feed-chart-} and the sender with anything but letters, digits, - and _
     *                made {@code _}
     */
    record FeedCard(String sender, String name, boolean configured, String chartId, int messages, double usual,
                    HourRow lastHour, Long latestId, String latestAt, String state, List<AlertRow> alerts,
                    List<HourRow> hours, String labels, String counts, String usuals, String quietFlags) {
    }

    record AlertRow(String sender, String name, AlertKind kind, String label, String what, String since,
                    String until, boolean ongoing, Long messageId, String messageAt) {
    }

    record RiskRow(long claimId, String patientControlNumber, String payerId, String status, BigDecimal amount,
                   String waitingFor, String waited, String deadline, Long daysLeft, BigDecimal perDay) {
    }

    @GetMapping(PATH)
    String feeds(@RequestParam(name = "hours", required = false) String hoursParam, Model model) {
        FeedProperties settings = health.settings();
        int hours = settings.windowHours();
        if (hoursParam != null && !hoursParam.isBlank()) {
            try {
                int asked = Integer.parseInt(hoursParam.strip());
                if (asked < 1 || asked > settings.maxWindowHours()) {
                    throw new NumberFormatException();
                }
                hours = asked;
            } catch (NumberFormatException e) {
                model.addAttribute("error", "hours: a whole number from 1 to " + settings.maxWindowHours()
                        + ", not '" + hoursParam + "'; showing " + hours + ".");
            }
        }
        FeedHealth.Report report = health.report(hours);
        ZoneId zone = settings.zone();
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(zone);
        DateTimeFormatter stamp = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH).withZone(zone);
        Function<Instant, String> at = i -> i == null ? null : stamp.format(i);
        Map<String, String> names = report.feeds().stream()
                .collect(Collectors.toMap(FeedHealth.Feed::sender, FeedHealth.Feed::name, (a, b) -> a));
        Function<FeedAlert, AlertRow> alertRow = a -> new AlertRow(a.sender(), names.getOrDefault(a.sender(),
                a.sender()), a.kind(), label(a.kind()), a.what(), at.apply(a.since()), at.apply(a.until()),
                a.ongoing(), a.messageId(), at.apply(a.messageAt()));
        List<FeedCard> cards = report.feeds().stream().map(feed -> {
            List<HourRow> rows = feed.hours().stream().map(h -> hourRow(h, time, zone)).toList();
            return new FeedCard(feed.sender(), feed.name(), feed.practice() != null, chartId(feed.sender()),
                    feed.messages(), feed.usual(), hourRow(feed.lastHour(), time, zone),
                    feed.latest() == null ? null : feed.latest().id(),
                    feed.latest() == null ? null : at.apply(feed.latest().receivedAt()), state(feed),
                    feed.alerts().stream().map(alertRow).toList(), rows,
                    rows.stream().map(HourRow::label).collect(Collectors.joining(",")),
                    rows.stream().map(r -> String.valueOf(r.messages())).collect(Collectors.joining(",")),
                    rows.stream().map(r -> String.valueOf(r.usual())).collect(Collectors.joining(",")),
                    rows.stream().map(r -> r.quiet() ? "1" : "0").collect(Collectors.joining(",")));
        }).toList();
        List<RiskRow> risks = clocks.atRisk(AT_RISK_SHOWN).stream().map(FeedHealthPage::riskRow).toList();
        model.addAttribute("report", report);
        model.addAttribute("settings", settings);
        model.addAttribute("hours", hours);
        model.addAttribute("windows", List.of(24, 48, 72, 168).stream().filter(w -> w <= settings.maxWindowHours())
                .toList());
        model.addAttribute("now", at.apply(report.now()));
        model.addAttribute("zone", zone.getId());
        model.addAttribute("feeds", cards);
        model.addAttribute("alerts", report.alerts().stream().map(alertRow).toList());
        model.addAttribute("quietCount", cards.stream().filter(c -> "quiet".equals(c.state())).count());
        model.addAttribute("driftCount", report.alerts().stream().filter(a -> a.kind() != AlertKind.QUIET).count());
        model.addAttribute("risks", risks);
        model.addAttribute("riskTotal", risks.stream().map(RiskRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        model.addAttribute("pastDeadline", risks.stream().filter(r -> r.daysLeft() != null && r.daysLeft() < 0)
                .count());
        model.addAttribute("samples", settings.samples());
        model.addAttribute("usualSamples", settings.usualSamples());
        return "feeds/health";
    }

    private static HourRow hourRow(FeedHour h, DateTimeFormatter time, ZoneId zone) {
        return new HourRow(time.format(h.hour()), DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH)
                .withZone(zone).format(h.hour()), h.messages(), h.usual(), h.usualHour(), h.quiet(), h.complete());
    }

    private static String state(FeedHealth.Feed feed) {
        if (feed.quiet()) {
            return "quiet";
        }
        return feed.healthy() ? "ok" : "drift";
    }

    static String chartId(String sender) {
        return "feed-chart-" + sender.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static String label(AlertKind kind) {
        return switch (kind) {
            case QUIET -> "Quiet";
            case NEW_SEGMENT -> "New segment";
            case NEW_VERSION -> "New version";
            case NEW_CHARSET -> "New charset";
            case NEW_TYPE -> "New message type";
        };
    }

    /** Money per day left to the deadline, as the list is ordered; past the deadline or without one: one day. */
    private static RiskRow riskRow(ClaimClocks.AtRisk r) {
        long days = r.daysLeft() == null ? 1 : Math.max(1, r.daysLeft());
        long hours = r.hoursWaiting();
        String waited = hours >= 48 ? hours / 24 + " days" : hours + " h";
        return new RiskRow(r.claimId(), r.patientControlNumber(), r.payerId(), r.status(), r.amount(),
                r.waitingFor(), waited, r.deadline() == null ? null : r.deadline().toString(), r.daysLeft(),
                r.amount().divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP));
    }
}
