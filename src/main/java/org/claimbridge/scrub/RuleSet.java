package org.claimbridge.scrub;

import java.time.Instant;
import java.util.List;

/**
 * The rules of all files in the rules folder, valid together.
 *
 * @param version content hash of the files (names and bytes), recorded with every finding
 */
public record RuleSet(String version, List<String> files, int size, Instant loadedAt, List<Rule> rules) {

    static RuleSet empty() {
        return new RuleSet("none", List.of(), 0, Instant.EPOCH, List.of());
    }

    public List<String> ruleIds() {
        return rules.stream().map(Rule::id).toList();
    }
}
