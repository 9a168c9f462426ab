package org.claimbridge.scrub;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.claimbridge.encounter.EncounterDetails;
import org.claimbridge.encounter.Encounters;
import org.claimbridge.practice.Practice;
import org.claimbridge.practice.PracticeDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Scrubs one encounter now, outside the job: a coder's "scrub now" and the check after a correction. */
@Component
class EncounterScrubber {

    private final Encounters encounters;
    private final PracticeDirectory practices;
    private final RuleSets ruleSets;
    private final ScrubRecords records;
    private final RuleEvaluator evaluator;
    private final Clock clock;

    EncounterScrubber(Encounters encounters, PracticeDirectory practices, RuleSets ruleSets, ScrubRecords records,
                      RuleEvaluator evaluator, Clock clock) {
        this.clock = clock;
        this.evaluator = evaluator;
        this.encounters = encounters;
        this.practices = practices;
        this.ruleSets = ruleSets;
        this.records = records;
    }

    /** @return the outcome recorded, or empty when the encounter is missing, held or cancelled */
    @Transactional
    public Optional<ScrubOutcome> scrub(long encounterId, String actor) {
        Optional<EncounterDetails> found = encounters.find(encounterId);
        if (found.isEmpty() || found.get().encounter().holdReason() != null
                || !"ACTIVE".equals(found.get().encounter().status())) {
            return Optional.empty();
        }
        EncounterDetails details = found.get();
        Optional<Practice> practice = practices.find(details.encounter().practiceId());
        if (practice.isEmpty()) {
            return Optional.empty();
        }
        RuleSet ruleSet = ruleSets.current();
        ClaimContext claim = ClaimContexts.of(details, practice.get(), LocalDate.now(clock));
        ScrubOutcome outcome = new ScrubOutcome(encounterId, details.encounter().revision(), ruleSet.version(),
                evaluator.evaluate(ruleSet, claim));
        records.record(List.of(outcome), actor);
        return Optional.of(outcome);
    }
}
