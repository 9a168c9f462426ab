package org.claimbridge.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** An encounter the rules cannot be run on becomes a finding for a coder; the run goes on. */
class ScrubProcessorTest {

    private final RuleEvaluator evaluator = new RuleEvaluator(null, null);

    @Test
    void anEncounterWithoutAClaimGetsAScrubFailedFindingSayingWhy() {
        RuleSet rules = new RuleSet("v1", List.of(), 0, Instant.EPOCH, List.of(), PayerProfiles.NONE);
        ScrubOutcome outcome = new ScrubProcessor(rules, evaluator)
                .process(new ScrubItem(7, 3, null, "no claim could be built from its data (boom)"));
        assertThat(outcome.encounterId()).isEqualTo(7);
        assertThat(outcome.revision()).isEqualTo(3);
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(ScrubOutcome.SCRUB_FAILED);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.ruleSetVersion()).isEqualTo("v1");
            assertThat(f.message()).isEqualTo(
                    "The encounter could not be scrubbed: no claim could be built from its data (boom)");
        });
    }

    @Test
    void rulesThatFailOnTheDataGiveAScrubFailedFindingInsteadOfAnException() {
        // a rule set without payer profiles makes the evaluator fail on any claim with a subscriber
        RuleSet broken = new RuleSet("v2", List.of(), 0, Instant.EPOCH, List.of(), null);
        ScrubOutcome outcome = new ScrubProcessor(broken, evaluator)
                .process(new ScrubItem(8, 1, new TestClaim().build()));
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(ScrubOutcome.SCRUB_FAILED);
            assertThat(f.message()).startsWith("The encounter could not be scrubbed: the rules failed on its data "
                    + "(NullPointerException");
        });
    }

    @Test
    void aClaimTheRulesCanJudgeIsJudged() {
        RuleSet rules = new RuleSet("v3", List.of(), 0, Instant.EPOCH, List.of(), PayerProfiles.NONE);
        assertThat(new ScrubProcessor(rules, evaluator).process(new ScrubItem(9, 1, new TestClaim().build()))
                .findings()).isEmpty();
    }
}
