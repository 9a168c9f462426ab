package org.claimbridge.claim;

/** Where a claim stands on its way to the payer. */
public enum ClaimStatus {
    /** Assembled from a ready encounter; goes into the next file for its receiver. */
    CREATED,
    /** A secondary or tertiary claim: it waits for the payer before it to adjudicate the primary. */
    WAITING,
    /** A replacement or void that waits for the payer's claim control number of the claim it replaces (REF*F8). */
    HELD,
    /** The guide would not take it: the reason is recorded and the encounter went back to the coders. */
    INVALID,
    /** Never sent: a later revision of the encounter was built before it reached a file. */
    SUPERSEDED,
    /** Submitted: in an 837 file in the outbox, for its receiver. */
    SUBMITTED,
    /** Its transaction set was accepted by the receiver's 999 (IK5 A or E). */
    ACCEPTED,
    /** Refused by a 999 or a 277CA: the payer does not hold it; its encounter went back to the coders. */
    REJECTED,
    /** The payer acknowledged it for adjudication (277CA A1/A2). */
    ACKNOWLEDGED,
    /** Adjudicated and paid (or left to the patient) with no denial (835). */
    PAID,
    /** Paid in part: some of it denied (835). */
    PARTIALLY_PAID,
    /** Denied (835 CLP02 4, or nothing paid with denial adjustments): its encounter went back to the coders. */
    DENIED,
    /** A replacement (frequency 7) of it went out: the payer holds that one now. */
    CORRECTED,
    /** A manager appealed the denial with the payer. */
    APPEALED,
    /** A manager wrote off what was not paid. */
    WRITTEN_OFF,
    /** Done: settled as it stands, or voided (frequency 8) with the payer. */
    CLOSED;

    /** Whether the payer may hold this claim, so a change to it must go as a replacement or a void. */
    boolean sent() {
        return this == SUBMITTED || this == ACCEPTED || this == ACKNOWLEDGED || this == PAID
                || this == PARTIALLY_PAID || this == DENIED || this == APPEALED || this == WRITTEN_OFF;
    }

    /** How far along the way to the payer: a late 999 does not take an acknowledged claim back. */
    int progress() {
        return switch (this) {
            case SUBMITTED -> 1;
            case ACCEPTED -> 2;
            case ACKNOWLEDGED -> 3;
            case REJECTED -> 4;
            case PAID, PARTIALLY_PAID, DENIED -> 5;
            case CORRECTED, APPEALED, WRITTEN_OFF, CLOSED -> 6;
            default -> 0;
        };
    }
}
