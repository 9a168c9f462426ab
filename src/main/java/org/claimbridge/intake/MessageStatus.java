package org.claimbridge.intake;

/** Where a stored message stands. */
public enum MessageStatus {
    /** Accepted and stored, waiting to be applied to the billing view. */
    RECEIVED,
    /** Applied to the billing view. */
    APPLIED,
    /** A valid message with nothing for billing (ORU, ORM...): stored and acknowledged only. */
    NOT_APPLICABLE,
    /** Kept back for review: applying it would lose or misplace data, or its practice is not set up. */
    HELD,
    /** Could not be parsed (AE). */
    ERROR,
    /** Unsupported type, event, version or processing id (AR). */
    REJECTED,
    /** Same sender and control id as an earlier message, with other content. */
    CONFLICT;

    /** Whether claimbridge took the message: its control id is then spoken for. */
    public boolean wasAccepted() {
        return this != ERROR && this != REJECTED && this != CONFLICT;
    }
}
