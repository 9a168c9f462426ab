package org.claimbridge.scrub;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Evaluates the run's rule set on one encounter. */
class ScrubProcessor implements ItemProcessor<ScrubItem, ScrubOutcome> {

    private final RuleSet ruleSet;
    private final RuleEvaluator evaluator;

    ScrubProcessor(RuleSet ruleSet, RuleEvaluator evaluator) {
        this.ruleSet = ruleSet;
        this.evaluator = evaluator;
    }

    @Override
    public ScrubOutcome process(ScrubItem item) {
        return new ScrubOutcome(item.encounterId(), item.revision(), ruleSet.version(),
                evaluator.evaluate(ruleSet, item.claim()));
    }
}
