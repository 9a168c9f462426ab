/**
 * Claims: ready encounters assembled into 837P / 837I claims ({@link org.claimbridge.claim.ClaimDocument}),
 * written with StAEDI and checked against each implementation guide's schema while written, one interchange per
 * receiver per run in the outbox, with control numbers that are never reused and the lineage of every billed value.
 */
package org.claimbridge.claim;
