package org.claimbridge.scrub;

/**
 * A rule as people read it in a list: what it checks and where it is written.
 *
 * @param file under the rules folder
 * @param line 1-based, where the rule starts
 */
public record RuleDescription(String id, Severity severity, String description, String file, int line) {
}
