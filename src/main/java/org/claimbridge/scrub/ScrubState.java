package org.claimbridge.scrub;

/** Where a scrubbed encounter stands. */
public enum ScrubState {
    /** No open error or warning: it may become a claim. */
    READY,
    /** An open error or warning waits for a coder. */
    FLAGGED
}
