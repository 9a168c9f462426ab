package org.claimbridge.web;

import java.math.BigDecimal;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.claimbridge.encounter.CoderCorrection;
import org.claimbridge.encounter.CorrectionCommand;
import org.claimbridge.encounter.CorrectionConflict;
import org.claimbridge.encounter.CorrectionRefused;
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
 * One encounter of the coders' queue: its findings with fix hints, patient, coverage and providers, and its diagnosis
 * and charge lines as a form. A save makes the corrections the changed fields ask for, all or none, and scrubs the
 * encounter again at once; the page then shows the new findings and state. A save that is refused comes back with
 * what was typed and an error by each field at fault; one made on a revision someone else has moved on since is
 * refused whole with a message saying so. Overrides and scrub-now answer with a redirect and a flash message, so
 * reloading the page does not repeat them.
 */
@Controller
class EncounterPage implements Page {

    private final ScrubResults results;
    private final CoderActions actions;
    private final Encounters encounters;
    private final PracticeDirectory practices;
    private final CodeCheck check;

    EncounterPage(ScrubResults results, CoderActions actions, Encounters encounters, PracticeDirectory practices,
                  CodeCheck check) {
        this.results = results;
        this.actions = actions;
        this.encounters = encounters;
        this.practices = practices;
        this.check = check;
    }

    @GetMapping(CoderQueuePage.PATH + "/{encounterId}")
    String encounter(@PathVariable long encounterId, Model model) {
        EncounterDetails details = details(encounterId);
        return page(details, EncounterLineForm.of(details), model);
    }

    @PostMapping(CoderQueuePage.PATH + "/{encounterId}/lines")
    String saveLines(@PathVariable long encounterId, @RequestParam Map<String, String> form, Principal user,
                     Model model, RedirectAttributes redirect, HttpServletResponse response) {
        EncounterDetails details = details(encounterId);
        int current = details.encounter().revision();
        Integer seen = revision(form.get(EncounterLineForm.REVISION));
        if (seen == null || seen != current) {
            redirect.addFlashAttribute("conflict", stale(seen, current));
            return redirectTo(encounterId);
        }
        EncounterLineForm lines = EncounterLineForm.typed(details, form);
        List<CorrectionCommand> corrections = lines.corrections(check, current, user.getName());
        if (lines.refused()) {
            response.setStatus(422); // the form comes back with its errors
            return page(details, lines, model);
        }
        Set<Long> openBefore = results.findings(encounterId, false).stream()
                .filter(f -> f.status() == FindingStatus.OPEN).map(ScrubResults.ScrubFinding::id)
                .collect(Collectors.toSet());
        try {
            CoderActions.Corrected done = actions.correctAll(corrections);
            ScrubResults.EncounterScrub scrub = done.scrub();
            List<String> closed = results.findings(encounterId, true).stream()
                    .filter(f -> openBefore.contains(f.id()) && f.status() == FindingStatus.CLOSED)
                    .map(ScrubResults.ScrubFinding::ruleId).distinct().toList();
            redirect.addFlashAttribute("message", "Saved " + done.corrections().size()
                    + (done.corrections().size() == 1 ? " change" : " changes") + " ("
                    + done.corrections().stream().map(EncounterPage::describe).collect(Collectors.joining("; "))
                    + ") and scrubbed again with rule set " + scrub.ruleSetVersion() + ": the encounter is "
                    + scrub.state() + " (" + scrub.openErrors() + " open errors, " + scrub.openWarnings()
                    + " open warnings)." + (closed.isEmpty() ? "" : " Closed: " + String.join(", ", closed) + "."));
            redirect.addFlashAttribute("closedRules", closed);
            return redirectTo(encounterId);
        } catch (CorrectionConflict conflict) {
            if ("expectedRevision".equals(conflict.field())) {
                redirect.addFlashAttribute("conflict", stale(seen, -1));
                return redirectTo(encounterId);
            }
            lines.refusedBy(conflict);
        } catch (CorrectionRefused refused) {
            lines.refusedBy(refused);
        } catch (CoderActionRefused refused) {
            redirect.addFlashAttribute("error", "Not saved: " + refused.getMessage() + ".");
            return redirectTo(encounterId);
        }
        response.setStatus(422); // the form comes back with its errors
        return page(details(encounterId), lines, model);
    }

    @PostMapping(CoderQueuePage.PATH + "/{encounterId}/findings/{findingId}/override")
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
        return redirectTo(encounterId);
    }

    @PostMapping(CoderQueuePage.PATH + "/{encounterId}/scrub")
    String scrubNow(@PathVariable long encounterId, Principal user, RedirectAttributes redirect) {
        try {
            ScrubResults.EncounterScrub scrub = actions.scrubNow(encounterId, user.getName());
            redirect.addFlashAttribute("message", "Scrubbed with rule set " + scrub.ruleSetVersion()
                    + ": the encounter is " + scrub.state() + " (" + scrub.openErrors() + " open errors, "
                    + scrub.openWarnings() + " open warnings).");
        } catch (CoderActionRefused refused) {
            redirect.addFlashAttribute("error", "Not scrubbed: " + refused.getMessage() + ".");
        }
        return redirectTo(encounterId);
    }

    private String page(EncounterDetails details, EncounterLineForm lines, Model model) {
        long encounterId = details.encounter().id();
        List<ScrubResults.ScrubFinding> findings = results.findings(encounterId, false);
        Map<Long, String> findingInputs = new HashMap<>();
        for (ScrubResults.ScrubFinding f : findings) {
            String input = EncounterLineForm.inputFor(f.field());
            if (input != null && lines.values().containsKey(input)) {
                findingInputs.put(f.id(), input);
            }
        }
        model.addAttribute("details", details);
        model.addAttribute("practice", practices.find(details.encounter().practiceId()).map(Practice::name)
                .orElse("practice " + details.encounter().practiceId()));
        model.addAttribute("patientName", CoderQueuePage.patient(details.patient()));
        model.addAttribute("scrub", results.state(encounterId).orElse(null));
        model.addAttribute("findings", findings);
        model.addAttribute("findingInputs", findingInputs);
        model.addAttribute("chargeTotal", details.charges().stream().filter(CoderQueuePage::billed)
                .map(EncounterDetails.Charge::amount).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        model.addAttribute("lines", lines);
        model.addAttribute("chargeColumns", List.of("code", "modifiers", "units", "amount", "pointers", "pos"));
        model.addAttribute("warning", Severity.WARNING);
        model.addAttribute("open", FindingStatus.OPEN);
        return "queue/encounter";
    }

    private EncounterDetails details(long encounterId) {
        return encounters.find(encounterId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "encounter " + encounterId + " does not exist"));
    }

    private static String redirectTo(long encounterId) {
        return "redirect:" + CoderQueuePage.PATH + "/" + encounterId;
    }

    private static Integer revision(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String stale(Integer seen, int now) {
        return "Not saved: someone else changed this encounter after you opened it"
                + (seen == null ? "" : " (you saw revision " + seen + (now < 0 ? "" : ", it is at " + now) + ")")
                + ". The page now shows the encounter as it stands: look at it again and make your changes anew"
                + " if they still apply.";
    }

    private static String describe(CoderCorrection c) {
        return c.entity() + " " + c.entityId() + " " + c.field() + " " + (c.before() == null ? "none" : c.before())
                + " → " + (c.after() == null ? "none" : c.after());
    }
}
