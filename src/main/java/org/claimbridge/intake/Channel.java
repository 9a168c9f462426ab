package org.claimbridge.intake;

/** How a message reached claimbridge. */
public enum Channel {
    MLLP, FILE, HTTP, REPROCESS
}
