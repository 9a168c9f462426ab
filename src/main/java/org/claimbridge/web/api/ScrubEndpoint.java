package org.claimbridge.web.api;

import java.security.Principal;
import java.util.List;

import org.claimbridge.scrub.CoderActions;
import org.claimbridge.scrub.ScrubJobs;
import org.claimbridge.scrub.ScrubResults;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The scrub job on demand, and an encounter's scrub: state, findings, transitions, and the coder's actions. */
@RestController
class ScrubEndpoint {

    private final ScrubJobs jobs;
    private final ScrubResults results;
    private final CoderActions coder;

    ScrubEndpoint(ScrubJobs jobs, ScrubResults results, CoderActions coder) {
        this.jobs = jobs;
        this.results = results;
        this.coder = coder;
    }

    record RunRequested(boolean started, String message) {
    }

    @ExceptionHandler(ScrubJobs.ScrubRunFailed.class)
    ProblemDetail runFailed(ScrubJobs.ScrubRunFailed e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    /**
     * Starts a scrub run. By default answers at once (202); with {@code wait=true} answers when the run has ended,
     * with its status.
     */
    @PostMapping("/api/jobs/scrub")
    ResponseEntity<?> run(@RequestParam(defaultValue = "false") boolean wait, Principal user) {
        if (wait) {
            return ResponseEntity.ok(jobs.runAndWait("api " + user.getName()));
        }
        boolean started = jobs.request("api " + user.getName());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new RunRequested(started, started
                ? "scrub run requested; GET /api/jobs/scrub shows it"
                : "a scrub run is already waiting to start; it will take every encounter due"));
    }

    @GetMapping("/api/jobs/scrub")
    List<ScrubJobs.ScrubRunStatus> runs(@RequestParam(defaultValue = "20") int size) {
        if (size < 1 || size > 200) {
            throw new BadRequest("size must be between 1 and 200, got " + size);
        }
        return jobs.recent(size);
    }

    @GetMapping("/api/jobs/scrub/{executionId}")
    ScrubJobs.ScrubRunStatus run(@PathVariable long executionId) {
        return jobs.find(executionId).orElseThrow(() -> new NotFound("no scrub run with id " + executionId));
    }

    record EncounterScrubView(ScrubResults.EncounterScrub scrub, List<ScrubResults.ScrubFinding> findings,
                              List<ScrubResults.ScrubTransition> transitions,
                              List<ScrubResults.ScrubAction> actions) {
    }

    @GetMapping("/api/encounters/{id}/scrub")
    EncounterScrubView scrub(@PathVariable long id, @RequestParam(defaultValue = "false") boolean closed) {
        ScrubResults.EncounterScrub scrub = results.state(id)
                .orElseThrow(() -> new NotFound("encounter " + id + " has not been scrubbed (or does not exist)"));
        return new EncounterScrubView(scrub, results.findings(id, closed), results.transitions(id),
                results.actions(id));
    }

    /** Scrubs one encounter now with the active rules. */
    @PostMapping("/api/encounters/{id}/scrub")
    ScrubResults.EncounterScrub scrubNow(@PathVariable long id, Principal user) {
        return coder.scrubNow(id, user.getName());
    }

    record OverrideRequest(String reason) {
    }

    /** Accepts a warning with a reason. */
    @PostMapping("/api/encounters/{id}/findings/{findingId}/override")
    ScrubResults.EncounterScrub override(@PathVariable long id, @PathVariable long findingId,
                                         @RequestBody(required = false) OverrideRequest request, Principal user) {
        return coder.override(id, findingId, user.getName(), request == null ? null : request.reason());
    }
}
