package org.claimbridge.scrub;

import java.util.List;

/** What the rules found on one encounter at one revision. */
record ScrubOutcome(long encounterId, int revision, String ruleSetVersion, List<Finding> findings) {

    /** The rule id of the finding an encounter gets when it could not be scrubbed at all. */
    static final String SCRUB_FAILED = "SCRUB-FAILED";

    /** The rule id of the finding an encounter gets when the claim built from it broke the implementation guide. */
    static final String CLAIM_REFUSED = "CLAIM-REFUSED";

    /** The rule id of the finding an encounter gets when the payer denied (part of) its claim. */
    static final String CLAIM_DENIED = "CLAIM-DENIED";

    /**
     * An encounter the scrub could not judge: one error finding that says why, so it goes to a coder (and support)
     * instead of stopping the run for every encounter after it.
     */
    static ScrubOutcome failed(long encounterId, int revision, String ruleSetVersion, String why) {
        return new ScrubOutcome(encounterId, revision, ruleSetVersion, List.of(new Finding(SCRUB_FAILED,
                ruleSetVersion, Severity.ERROR, "The encounter could not be scrubbed: " + why,
                "Report it to support with the encounter id; it is scrubbed again when its data or the rules change.",
                "")));
    }
}
