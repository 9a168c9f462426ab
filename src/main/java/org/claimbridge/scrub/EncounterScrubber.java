package org.claimbridge.scrub;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Scrubs one encounter now, outside the job: a coder's "scrub now" and the check after a correction. */
@Component
class EncounterScrubber {

    private final ClaimLoader claims;
    private final RuleSets ruleSets;
    private final ScrubRecords records;
    private final RuleEvaluator evaluator;
    private final Clock clock;

    EncounterScrubber(ClaimLoader claims, RuleSets ruleSets, ScrubRecords records, RuleEvaluator evaluator,
                      Clock clock) {
        this.claims = claims;
        this.ruleSets = ruleSets;
        this.records = records;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    /** @return the outcome recorded, or empty when the encounter is missing, held or cancelled */
    @Transactional
    public Optional<ScrubOutcome> scrub(long encounterId, String actor) {
        List<ClaimLoader.Loaded> loaded = claims.load(List.of(encounterId), LocalDate.now(clock));
        if (loaded.isEmpty()) {
            return Optional.empty();
        }
        ScrubOutcome outcome = new ScrubProcessor(ruleSets.current(), evaluator).process(loaded.get(0).item());
        records.record(List.of(outcome), actor);
        return Optional.of(outcome);
    }
}
