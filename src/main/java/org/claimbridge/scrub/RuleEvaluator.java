package org.claimbridge.scrub;

import java.util.ArrayList;
import java.util.List;

import org.springframework.expression.EvaluationContext;
import org.springframework.expression.EvaluationException;
import org.springframework.stereotype.Service;

/** Runs the active rule set against a claim and says what it breaks. */
@Service
public class RuleEvaluator {

    private final RuleSets ruleSets;

    RuleEvaluator(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    public List<Finding> evaluate(ClaimContext claim) {
        return evaluate(ruleSets.current(), claim);
    }

    static List<Finding> evaluate(RuleSet ruleSet, ClaimContext claim) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : ruleSet.rules()) {
            if (!rule.scope().appliesTo(claim)) {
                continue;
            }
            List<?> items = rule.forEach().items(claim);
            for (int i = 0; i < items.size(); i++) {
                EvaluationContext context = RuleExpressions.context(claim, rule.forEach(), items.get(i), i + 1);
                String field = field(rule, i + 1);
                try {
                    if (rule.when() != null && !Boolean.TRUE.equals(rule.when().getValue(context, Boolean.class))) {
                        continue;
                    }
                    if (Boolean.TRUE.equals(rule.condition().getValue(context, Boolean.class))) {
                        findings.add(new Finding(rule.id(), ruleSet.version(), rule.severity(),
                                rule.message().getValue(context, String.class), rule.fix(), field));
                    }
                } catch (EvaluationException e) {
                    // a rule that cannot tell must not let the claim through silently
                    findings.add(new Finding(rule.id(), ruleSet.version(), rule.severity(),
                            "Rule " + rule.id() + " could not be checked on this claim: " + e.getMessage(),
                            "Check the data the rule reads, or the rule in " + rule.file() + " line " + rule.line(),
                            field));
                }
            }
        }
        return findings;
    }

    private static String field(Rule rule, int line) {
        if (rule.forEach() == RuleTarget.CLAIM) {
            return rule.field();
        }
        String item = rule.forEach().property + "[" + line + "]";
        return rule.field() == null ? item : item + "." + rule.field();
    }
}
