package org.claimbridge.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.claimbridge.claim.ClaimJobs;
import org.claimbridge.scrub.ScrubJobs;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The start page: what arrived, where encounters and claims stand, the money, and the scrub and claims runs with
 * their progress, which {@code /js/overview.js} keeps up to date from {@code /overview/jobs} without reloading the
 * page. A failed run is restarted from here once its cause is fixed.
 */
@Controller
class OverviewPage implements Page {

    static final String JOBS = "/overview/jobs";

    private static final int RUNS = 8;

    private final OverviewFigures figures;
    private final ScrubJobs scrub;
    private final ClaimJobs claims;

    OverviewPage(OverviewFigures figures, ScrubJobs scrub, ClaimJobs claims) {
        this.figures = figures;
        this.scrub = scrub;
        this.claims = claims;
    }

    /**
     * One run as the page shows it.
     *
     * @param total   what the run has to read, when known (scrub counts it as it starts; claims does not)
     * @param progress e.g. "120 of 500 encounters read"
     */
    record JobRow(String job, long executionId, String status, Instant startedAt, Instant endedAt, long read,
                  Long total, String progress, String trigger, String exitDescription, boolean restartable) {
    }

    @GetMapping("/")
    String overview(Model model) {
        model.addAttribute("messages", figures.messages());
        model.addAttribute("encounters", figures.encounters());
        model.addAttribute("claimsByStatus", figures.claimsByStatus());
        model.addAttribute("amounts", figures.amounts());
        model.addAttribute("jobs", jobs());
        model.addAttribute("today", java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        return "overview/overview";
    }

    @GetMapping(JOBS)
    @ResponseBody
    List<JobRow> jobs() {
        List<JobRow> rows = new ArrayList<>();
        for (ScrubJobs.ScrubRunStatus run : scrub.recent(RUNS)) {
            String progress = run.total() == null
                    ? run.read() + " encounters read (how many are due is not counted yet)"
                    : run.read() + " of " + run.total() + " encounters read";
            rows.add(new JobRow("scrub", run.executionId(), run.status(), run.startedAt(), run.endedAt(), run.read(),
                    run.total(), progress + ", " + run.written() + " scrubbed", run.trigger(), run.exitDescription(),
                    run.restartable()));
        }
        for (ClaimJobs.ClaimRunStatus run : claims.recent(RUNS)) {
            rows.add(new JobRow("claims", run.executionId(), run.status(), run.startedAt(), run.endedAt(),
                    run.encounters(), null, run.encounters() + " encounters read (total not known), "
                    + run.claimsWritten() + " claims written", run.trigger(), run.exitDescription(),
                    run.restartable()));
        }
        // execution ids come from one sequence for both jobs: the newest first
        rows.sort(Comparator.comparingLong(JobRow::executionId).reversed());
        return rows.size() > RUNS * 2 ? rows.subList(0, RUNS * 2) : rows;
    }

    @PostMapping(JOBS + "/{job}/{executionId}/restart")
    String restart(@PathVariable String job, @PathVariable long executionId, RedirectAttributes redirect) {
        try {
            switch (job) {
                case "scrub" -> scrub.restart(executionId);
                case "claims" -> claims.restart(executionId);
                default -> throw new IllegalArgumentException("there is no job " + job);
            }
            redirect.addFlashAttribute("message", "The " + job + " run " + executionId + " is being restarted.");
        } catch (ScrubJobs.ScrubRunFailed | ClaimJobs.ClaimRunFailed | IllegalArgumentException refused) {
            redirect.addFlashAttribute("error", "Not restarted: " + refused.getMessage() + ".");
        }
        return "redirect:/";
    }
}
