package org.claimbridge.scrub;

import java.util.List;

/** What the rules found on one encounter at one revision. */
record ScrubOutcome(long encounterId, int revision, String ruleSetVersion, List<Finding> findings) {
}
