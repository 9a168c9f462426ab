package org.claimbridge.scrub;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Evaluates the run's rule set on one encounter. An encounter whose data the rules cannot be run on gets a
 * {@link ScrubOutcome#failed} outcome rather than failing the run.
 */
class ScrubProcessor implements ItemProcessor<ScrubItem, ScrubOutcome> {

    private static final Logger log = LoggerFactory.getLogger(ScrubProcessor.class);

    private final RuleSet ruleSet;
    private final RuleEvaluator evaluator;

    ScrubProcessor(RuleSet ruleSet, RuleEvaluator evaluator) {
        this.ruleSet = ruleSet;
        this.evaluator = evaluator;
    }

    @Override
    public ScrubOutcome process(ScrubItem item) {
        if (item.failure() != null) {
            return ScrubOutcome.failed(item.encounterId(), item.revision(), ruleSet.version(), item.failure());
        }
        try {
            return new ScrubOutcome(item.encounterId(), item.revision(), ruleSet.version(),
                    evaluator.evaluate(ruleSet, item.claim()));
        } catch (RuntimeException e) {
            log.warn("Encounter {} could not be scrubbed", item.encounterId(), e);
            return ScrubOutcome.failed(item.encounterId(), item.revision(), ruleSet.version(),
                    "the rules failed on its data (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }
}
