package org.claimbridge.scrub;

/**
 * One rule a claim breaks.
 *
 * @param field the offending field's path in {@link ClaimContext}, e.g. {@code charges[2].placeOfService}
 */
public record Finding(String ruleId, String ruleSetVersion, Severity severity, String message, String fix,
                      String field) {
}
