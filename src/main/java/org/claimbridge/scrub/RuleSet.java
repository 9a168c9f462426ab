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

    /** Each rule as the admin pages list it, in load order (file by file). */
    public List<RuleDescription> descriptions() {
        return rules.stream().map(r -> new RuleDescription(r.id(), r.severity(), r.description(), r.file(), r.line()))
                .toList();
    }

    /** Every payer profile version, by payer id and then effective date. */
    public List<ClaimContext.Payer> payerProfiles() {
        return payers.byPayerId().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .flatMap(e -> e.getValue().stream()).toList();
    }

    public List<String> ruleIds() {
        return rules.stream().map(Rule::id).toList();
    }
}
