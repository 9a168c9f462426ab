package org.claimbridge.scrub;

/**
 * Why a rule file was refused.
 *
 * @param line   1-based
 * @param ruleId the rule the error is in, null when it is outside any rule (or the id could not be read)
 */
public record RuleFileError(String file, int line, String ruleId, String message) {

    @Override
    public String toString() {
        return file + ":" + line + (ruleId == null ? "" : " rule " + ruleId) + ": " + message;
    }
}
