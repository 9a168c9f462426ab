package org.claimbridge.web;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.claimbridge.encounter.EncounterDetails;
import org.claimbridge.encounter.Encounters;
import org.claimbridge.practice.Practice;
import org.claimbridge.practice.PracticeDirectory;
import org.claimbridge.scrub.CoderActionRefused;
import org.claimbridge.scrub.CoderActions;
import org.claimbridge.scrub.FindingStatus;
import org.claimbridge.scrub.ScrubResults;
import org.claimbridge.scrub.Severity;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coders' work queue: flagged encounters (not cancelled, not held), largest charge total first, then oldest; and
 * one encounter's page, where a coder overrides a warning with a reason or scrubs the encounter again. Each action
 * answers with a redirect and a flash message, so reloading the page does not repeat it.
 */
@Controller
class CoderQueuePage implements Page {

    static final String PATH = "/queue";

    private static final int PAGE = 500;

    private final ScrubResults results;
    private final CoderActions actions;
    private final Encounters encounters;
    private final PracticeDirectory practices;
    private final Clock clock;

    CoderQueuePage(ScrubResults results, CoderActions actions, Encounters encounters, PracticeDirectory practices,
                   Clock clock) {
        this.results = results;
        this.actions = actions;
        this.encounters = encounters;
        this.practices = practices;
        this.clock = clock;
    }

    /**
     * One line of the queue.
     *
     * @param rules   the rules whose open findings flag the encounter
     * @param ageDays days since the earliest service date (the admission when no charge has one)
     */
    record QueueRow(long encounterId, long practiceId, String practice, String visitNumber, String patient,
                    int openErrors, int openWarnings, List<String> rules, BigDecimal chargeTotal, Long ageDays) {
    }

    record PracticeOption(long id, String name) {
    }

    @GetMapping(PATH)
    String queue(@RequestParam(name = "practice", required = false) Long practiceId,
                 @RequestParam(name = "rule", required = false) String rule, Model model) {
        String ruleId = rule == null || rule.isBlank() ? null : rule.strip();
        List<ScrubResults.EncounterScrub> flagged = flagged();
        Map<Long, ScrubResults.EncounterScrub> scrubs = new HashMap<>();
        flagged.forEach(s -> scrubs.put(s.encounterId(), s));
        Map<Long, String> practiceNames = new HashMap<>();
        TreeSet<String> allRules = new TreeSet<>();
        List<QueueRow> rows = new ArrayList<>();
        List<Long> ids = flagged.stream().map(ScrubResults.EncounterScrub::encounterId).toList();
        Map<Long, List<String>> openRules = results.openRules(ids);
        for (EncounterDetails details : encounters.findAll(ids)) {
            EncounterDetails.Encounter e = details.encounter();
            ScrubResults.EncounterScrub scrub = scrubs.get(e.id());
            List<String> rules = openRules.getOrDefault(e.id(), List.of());
            allRules.addAll(rules);
            String practice = practiceNames.computeIfAbsent(e.practiceId(),
                    id -> practices.find(id).map(Practice::name).orElse("practice " + id));
            rows.add(new QueueRow(e.id(), e.practiceId(), practice, e.visitNumber(), patient(details.patient()),
                    scrub.openErrors(), scrub.openWarnings(), rules, chargeTotal(details), ageDays(details)));
        }
        List<PracticeOption> practiceOptions = practiceNames.entrySet().stream()
                .map(p -> new PracticeOption(p.getKey(), p.getValue()))
                .sorted(Comparator.comparing(PracticeOption::name)).toList();
        List<QueueRow> shown = rows.stream()
                .filter(r -> practiceId == null || r.practiceId() == practiceId)
                .filter(r -> ruleId == null || r.rules().contains(ruleId))
                .sorted(Comparator.comparing(QueueRow::chargeTotal).reversed()
                        .thenComparing(QueueRow::ageDays, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(QueueRow::encounterId))
                .toList();
        model.addAttribute("rows", shown);
        model.addAttribute("total", rows.size());
        model.addAttribute("practices", practiceOptions);
        model.addAttribute("rules", List.copyOf(allRules));
        model.addAttribute("practice", practiceId);
        model.addAttribute("rule", ruleId);
        return "queue/list";
    }

    @GetMapping(PATH + "/{encounterId}")
    String encounter(@PathVariable long encounterId, Model model) {
        EncounterDetails details = encounters.find(encounterId).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "encounter " + encounterId + " does not exist"));
        model.addAttribute("details", details);
        model.addAttribute("practice", practices.find(details.encounter().practiceId()).map(Practice::name)
                .orElse("practice " + details.encounter().practiceId()));
        model.addAttribute("patientName", patient(details.patient()));
        model.addAttribute("scrub", results.state(encounterId).orElse(null));
        model.addAttribute("findings", results.findings(encounterId, false));
        model.addAttribute("chargeTotal", chargeTotal(details));
        model.addAttribute("warning", Severity.WARNING);
        model.addAttribute("open", FindingStatus.OPEN);
        return "queue/encounter";
    }

    @PostMapping(PATH + "/{encounterId}/findings/{findingId}/override")
    String override(@PathVariable long encounterId, @PathVariable long findingId,
                    @RequestParam(name = "reason", required = false) String reason, Principal user,
                    RedirectAttributes redirect) {
        try {
            ScrubResults.EncounterScrub scrub = actions.override(encounterId, findingId, user.getName(), reason);
            redirect.addFlashAttribute("message", "Finding " + findingId + " overridden: the encounter is "
                    + scrub.state() + " (" + scrub.openErrors() + " open errors, " + scrub.openWarnings()
                    + " open warnings).");
        } catch (CoderActionRefused refused) {
            redirect.addFlashAttribute("error", "Finding " + findingId + " was not overridden: "
                    + refused.getMessage() + ".");
        }
        return "redirect:" + PATH + "/" + encounterId;
    }

    @PostMapping(PATH + "/{encounterId}/scrub")
    String scrubNow(@PathVariable long encounterId, Principal user, RedirectAttributes redirect) {
        try {
            ScrubResults.EncounterScrub scrub = actions.scrubNow(encounterId, user.getName());
            redirect.addFlashAttribute("message", "Scrubbed with rule set " + scrub.ruleSetVersion()
                    + ": the encounter is " + scrub.state() + " (" + scrub.openErrors() + " open errors, "
                    + scrub.openWarnings() + " open warnings).");
        } catch (CoderActionRefused refused) {
            redirect.addFlashAttribute("error", "Not scrubbed: " + refused.getMessage() + ".");
        }
        return "redirect:" + PATH + "/" + encounterId;
    }

    private List<ScrubResults.EncounterScrub> flagged() {
        List<ScrubResults.EncounterScrub> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<ScrubResults.EncounterScrub> batch = results.flagged(page, PAGE);
            all.addAll(batch);
            if (batch.size() < PAGE) {
                return all;
            }
        }
    }

    private static String patient(EncounterDetails.Patient p) {
        if (p == null) {
            return "";
        }
        String first = p.firstName() == null ? "" : p.firstName();
        String last = p.lastName() == null ? "" : p.lastName();
        return first.isEmpty() ? last : last + ", " + first;
    }

    /** What the billed lines add up to: credits, and the charges they took back, left out, as on the claim. */
    private static BigDecimal chargeTotal(EncounterDetails details) {
        return details.charges().stream().filter(CoderQueuePage::billed).map(EncounterDetails.Charge::amount)
                .filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static boolean billed(EncounterDetails.Charge c) {
        return !"CD".equals(c.transactionType()) && !(c.amount() != null && c.amount().signum() < 0)
                && !"REVERSED".equals(c.status());
    }

    private Long ageDays(EncounterDetails details) {
        LocalDate from = details.charges().stream().map(EncounterDetails.Charge::serviceDate)
                .filter(Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(details.encounter().admittedAt() == null ? null
                        : details.encounter().admittedAt().toLocalDate());
        return from == null ? null : ChronoUnit.DAYS.between(from, LocalDate.now(clock));
    }
}
