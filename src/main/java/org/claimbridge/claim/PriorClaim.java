package org.claimbridge.claim;

/** A claim already made for an encounter, as the next build needs to know it. */
record PriorClaim(long id, int encounterRevision, String payerSequence, int part, ClaimStatus status,
                  String frequency, String payerId, String payerClaimNumber, String patientControlNumber) {

    /** A void ends the chain of claims the payer holds for this part. */
    boolean isVoid() {
        return "8".equals(frequency);
    }
}
