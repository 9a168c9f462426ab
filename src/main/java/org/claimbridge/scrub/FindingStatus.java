package org.claimbridge.scrub;

/** The life of a finding: found, perhaps overridden by a coder, closed when a later scrub no longer finds it. */
public enum FindingStatus {
    OPEN,
    /** A warning a coder accepted with a reason; it no longer holds the encounter back. */
    OVERRIDDEN,
    CLOSED
}
