package org.claimbridge.claim;

/**
 * A claim the assembler made, before it is stored.
 *
 * @param replaces the sent claim a replacement or void stands in for, or null
 * @param reason   why it is HELD, WAITING or INVALID, else null
 */
record NewClaim(ClaimDocument document, int part, ClaimStatus status, String reason, PriorClaim replaces) {
}
