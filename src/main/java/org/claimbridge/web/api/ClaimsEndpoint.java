package org.claimbridge.web.api;

import java.security.Principal;
import java.util.List;

import org.claimbridge.claim.ClaimActions;
import org.claimbridge.claim.ClaimJobs;
import org.claimbridge.claim.ClaimStatus;
import org.claimbridge.claim.ClaimLineage;
import org.claimbridge.claim.Claims;
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

/** The claims job on demand, and claims: where each stands, its file, and where every billed value came from. */
@RestController
class ClaimsEndpoint {

    private final ClaimJobs jobs;
    private final Claims claims;
    private final ClaimLineage lineage;
    private final ClaimActions actions;

    ClaimsEndpoint(ClaimJobs jobs, Claims claims, ClaimLineage lineage, ClaimActions actions) {
        this.jobs = jobs;
        this.claims = claims;
        this.lineage = lineage;
        this.actions = actions;
    }

    @ExceptionHandler(ClaimActions.ClaimActionRefused.class)
    ProblemDetail refused(ClaimActions.ClaimActionRefused e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    record Decision(ClaimStatus status, String reason) {
    }

    /** A manager's decision on an adjudicated claim: APPEALED, WRITTEN_OFF or CLOSED, with a reason. */
    @PostMapping("/api/claims/{id}/status")
    ClaimView decide(@PathVariable long id, @RequestBody(required = false) Decision body, Principal user) {
        if (body == null || body.status() == null) {
            throw new BadRequest("status is required: APPEALED, WRITTEN_OFF or CLOSED");
        }
        if (!actions.decide(id, body.status(), user.getName(), body.reason())) {
            throw new NotFound("no claim with id " + id);
        }
        return claim(id);
    }

    record RunRequested(boolean started, String message) {
    }

    @ExceptionHandler(ClaimJobs.ClaimRunFailed.class)
    ProblemDetail runFailed(ClaimJobs.ClaimRunFailed e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    /** Starts a claims run: at once (202), or with {@code wait=true} when it has ended, with its status. */
    @PostMapping("/api/jobs/claims")
    ResponseEntity<?> run(@RequestParam(defaultValue = "false") boolean wait, Principal user) {
        if (wait) {
            return ResponseEntity.ok(jobs.runAndWait("api " + user.getName()));
        }
        boolean started = jobs.request("api " + user.getName());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new RunRequested(started, started
                ? "claims run requested; GET /api/jobs/claims shows it"
                : "a claims run is already waiting to start; it will take every encounter due"));
    }

    @GetMapping("/api/jobs/claims")
    List<ClaimJobs.ClaimRunStatus> runs(@RequestParam(defaultValue = "20") int size) {
        if (size < 1 || size > 200) {
            throw new BadRequest("size must be between 1 and 200, got " + size);
        }
        return jobs.recent(size);
    }

    record ClaimView(Claims.ClaimSummary claim, List<Claims.Transition> transitions) {
    }

    @GetMapping("/api/claims/{id}")
    ClaimView claim(@PathVariable long id) {
        Claims.ClaimSummary claim = claims.find(id).orElseThrow(() -> new NotFound("no claim with id " + id));
        return new ClaimView(claim, claims.transitions(id));
    }

    @GetMapping("/api/claims/{id}/lineage")
    List<ClaimLineage.BilledValue> lineage(@PathVariable long id) {
        return lineage.of(id).orElseThrow(() -> new NotFound("no claim with id " + id));
    }

    @GetMapping("/api/encounters/{id}/claims")
    List<Claims.ClaimSummary> ofEncounter(@PathVariable long id) {
        return claims.ofEncounter(id);
    }

    record PayerClaimNumber(String payerClaimNumber) {
    }

    /**
     * Records the payer's claim control number of a claim (as a payer gave it by phone or portal; 277CA and 835
     * files record it on their own), releasing a replacement or void that waited for it.
     */
    @PostMapping("/api/claims/{id}/payer-claim-number")
    ClaimView payerClaimNumber(@PathVariable long id, @RequestBody(required = false) PayerClaimNumber body,
                               Principal user) {
        String number = body == null ? null : body.payerClaimNumber();
        if (number == null || !number.matches("[A-Za-z0-9-]{1,50}")) {
            throw new BadRequest("payerClaimNumber must be 1 to 50 letters, digits or '-', got "
                    + (number == null ? "nothing" : "'" + number + "'"));
        }
        if (!claims.recordPayerClaimNumber(id, number, "user " + user.getName())) {
            throw new NotFound("no claim with id " + id);
        }
        return claim(id);
    }
}
