package org.claimbridge.scrub;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.claimbridge.codes.CodeSets;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.EvaluationException;
import org.springframework.stereotype.Service;

/** Runs the active rule set against a claim and says what it breaks. */
@Service
public class RuleEvaluator {

    private final RuleSets ruleSets;
    /** the helpers, code look-ups bound to the loaded code sets; built once, shared by every evaluation */
    private final Map<String, Object> helpers;

    RuleEvaluator(RuleSets ruleSets, CodeSets codeSets) {
        this.ruleSets = ruleSets;
        this.helpers = RuleExpressions.helpers(new CodeSetLookup(codeSets));
    }

    public List<Finding> evaluate(ClaimContext claim) {
        return evaluate(ruleSets.current(), claim, helpers);
    }

    /** A given rule set (a run's, a dry run's) with the loaded code sets. */
    public List<Finding> evaluate(RuleSet ruleSet, ClaimContext claim) {
        return evaluate(ruleSet, claim, helpers);
    }

    /** With no code set loaded: rules that need one skip. */
    static List<Finding> evaluateWithoutCodeSets(RuleSet ruleSet, ClaimContext claim) {
        return evaluate(ruleSet, claim, RuleExpressions.NO_CODE_SETS);
    }

    static List<Finding> evaluate(RuleSet ruleSet, ClaimContext claim, CodeLookup codes) {
        return evaluate(ruleSet, claim, RuleExpressions.helpers(codes));
    }

    static List<Finding> evaluate(RuleSet ruleSet, ClaimContext given, Map<String, Object> helpers) {
        CodeLookup before = CodeFunctions.use((CodeLookup) helpers.get(RuleExpressions.LOOKUP));
        try {
            return evaluateBound(ruleSet, given, helpers);
        } finally {
            CodeFunctions.restore(before);
        }
    }

    private static List<Finding> evaluateBound(RuleSet ruleSet, ClaimContext given, Map<String, Object> helpers) {
        ClaimContext claim = given.payer() != null ? given : given.withPayer(payer(ruleSet, given));
        List<Finding> findings = new ArrayList<>();
        // one context per claim, charge line and diagnosis, shared by the rules: rule expressions cannot assign
        // (the context is read-only), so a rule cannot change what the next one sees, and building a context per
        // rule and line was a good part of a scrub's time
        java.util.EnumMap<RuleTarget, List<EvaluationContext>> contexts = new java.util.EnumMap<>(RuleTarget.class);
        for (Rule rule : ruleSet.rules()) {
            if (!rule.scope().appliesTo(claim)) {
                continue;
            }
            if (rule.edit() != null) {
                evaluateEdit(ruleSet, rule, claim, helpers, findings);
                continue;
            }
            List<EvaluationContext> targets = contexts.computeIfAbsent(rule.forEach(), target -> {
                List<?> items = target.items(claim);
                List<EvaluationContext> built = new ArrayList<>(items.size());
                for (int i = 0; i < items.size(); i++) {
                    built.add(RuleExpressions.context(helpers, claim, target, items.get(i), i + 1));
                }
                return built;
            });
            for (int i = 0; i < targets.size(); i++) {
                EvaluationContext context = targets.get(i);
                try {
                    // read as Object: asking for Boolean sends every result through the conversion service, which
                    // cost more than a compiled condition; load-time validation made sure conditions give booleans
                    if (rule.when() != null && !Boolean.TRUE.equals(rule.when().getValue(context))) {
                        continue;
                    }
                    if (Boolean.TRUE.equals(rule.condition().getValue(context))) {
                        findings.add(new Finding(rule.id(), ruleSet.version(), rule.severity(),
                                rule.message().getValue(context, String.class), rule.fix(), field(rule, i + 1)));
                    }
                } catch (EvaluationException e) {
                    findings.add(notChecked(ruleSet, rule, e, field(rule, i + 1)));
                }
            }
        }
        return findings;
    }

    /** A table-driven rule: its precondition on the claim, then one finding per line its edit finds. */
    private static void evaluateEdit(RuleSet ruleSet, Rule rule, ClaimContext claim, Map<String, Object> helpers,
                                     List<Finding> findings) {
        try {
            if (rule.when() != null && !Boolean.TRUE.equals(rule.when().getValue(
                    RuleExpressions.context(helpers, claim, RuleTarget.CLAIM, claim, 1), Boolean.class))) {
                return;
            }
        } catch (EvaluationException e) {
            findings.add(notChecked(ruleSet, rule, e, null));
            return;
        }
        for (EditHit hit : rule.edit().hits(claim)) {
            String field = field(rule, hit.line());
            EvaluationContext context = RuleExpressions.context(helpers, claim, rule.forEach(), hit.item(),
                    hit.line());
            hit.variables().forEach(context::setVariable);
            try {
                findings.add(new Finding(rule.id(), ruleSet.version(), rule.severity(),
                        rule.message().getValue(context, String.class), rule.fix(), field));
            } catch (EvaluationException e) {
                findings.add(notChecked(ruleSet, rule, e, field));
            }
        }
    }

    // a rule that cannot tell must not let the claim through silently
    private static Finding notChecked(RuleSet ruleSet, Rule rule, EvaluationException e, String field) {
        return new Finding(rule.id(), ruleSet.version(), rule.severity(),
                "Rule " + rule.id() + " could not be checked on this claim: " + e.getMessage(),
                "Check the data the rule reads, or the rule in " + rule.file() + " line " + rule.line(), field);
    }

    /** The primary payer's profile in force on the first date of service (else the scrub date). */
    private static ClaimContext.Payer payer(RuleSet ruleSet, ClaimContext claim) {
        if (claim.subscriber() == null) {
            return null;
        }
        ClaimContext.Encounter encounter = claim.encounter();
        return ruleSet.payers().resolve(claim.subscriber().payerId(),
                encounter != null && encounter.firstServiceDate() != null ? encounter.firstServiceDate()
                        : claim.today());
    }

    private static String field(Rule rule, int line) {
        if (rule.forEach() == RuleTarget.CLAIM) {
            return rule.field();
        }
        String item = rule.forEach().property + "[" + line + "]";
        return rule.field() == null ? item : item + "." + rule.field();
    }
}
