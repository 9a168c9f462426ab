package org.claimbridge.web.api;

import java.nio.charset.StandardCharsets;

import org.claimbridge.scrub.RuleDryRun;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tries a rule file on recent encounters before it goes into {@code claim-rules/}. */
@RestController
class RuleDryRunEndpoint {

    private final RuleDryRun dryRun;

    RuleDryRunEndpoint(RuleDryRun dryRun) {
        this.dryRun = dryRun;
    }

    /**
     * Body: a rule file (YAML, as in {@code claim-rules/}). Answer: per rule, how many encounters changed in the last
     * {@code days} it flags, for how much, the first of them with their messages, and what the active rule of the
     * same id flags. 400 with every error (file, line, rule id) when the file does not load.
     */
    @PostMapping(path = "/api/rules/dry-run",
            consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
    RuleDryRun.Report dryRun(@RequestBody byte[] body, @RequestParam(defaultValue = "30") int days,
                             @RequestParam(defaultValue = "dry-run.yaml") String file) {
        if (days < 1 || days > 3660) {
            throw new BadRequest("days must be between 1 and 3660, got " + days);
        }
        return dryRun.run(file, new String(body, StandardCharsets.UTF_8), days);
    }

    @ExceptionHandler(RuleDryRun.Rejected.class)
    ProblemDetail rejected(RuleDryRun.Rejected e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("errors", e.errors().stream().map(Object::toString).toList());
        return problem;
    }
}
