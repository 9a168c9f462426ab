package org.claimbridge.scrub;

/** One encounter read for a scrub: the claim the rules see, and the revision of the data it was built from. */
record ScrubItem(long encounterId, int revision, ClaimContext claim) {
}
