package org.claimbridge.scrub;

/**
 * One encounter read for a scrub: the claim the rules see, and the revision of the data it was built from.
 *
 * @param failure why no claim could be built from the encounter's data, else null (and {@code claim} is set)
 */
record ScrubItem(long encounterId, int revision, ClaimContext claim, String failure) {

    ScrubItem(long encounterId, int revision, ClaimContext claim) {
        this(encounterId, revision, claim, null);
    }
}
