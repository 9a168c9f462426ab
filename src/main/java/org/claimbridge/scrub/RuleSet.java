package org.claimbridge.scrub;

import java.time.Instant;
import java.util.List;

/**
 * The rules of all files in the rules folder, valid together.
 *
 * @param version content hash of the files (names and bytes), recorded with every finding
 * @param files   every file it was read from: rule files, payer profiles, edit tables
 * @param payers  the payer profiles, resolved per claim by the evaluator
 */
public record RuleSet(String version, List<String> files, int size, Instant loadedAt, List<Rule> rules,
                      PayerProfiles payers) {

    static RuleSet empty() {
        return new RuleSet("none", List.of(), 0, Instant.EPOCH, List.of(), PayerProfiles.NONE);
    }

    public List<String> ruleIds() {
        return rules.stream().map(Rule::id).toList();
    }
}
