package org.claimbridge.scrub;

import java.util.List;

/**
 * Which claims a rule applies to; an empty list means no restriction on that dimension.
 *
 * @param practices sending facilities (MSH-4) or practice ids
 */
record RuleScope(List<String> payers, List<String> practices, List<String> claimTypes) {

    static final RuleScope ALL = new RuleScope(List.of(), List.of(), List.of());

    boolean appliesTo(ClaimContext claim) {
        String payer = claim.subscriber() == null ? null : claim.subscriber().payerId();
        ClaimContext.Practice practice = claim.practice();
        // the lists are immutable ones, whose contains(null) throws: a claim with no coverage (or no claim type) is
        // simply outside a scope that names some
        return (payers.isEmpty() || payer != null && payers.contains(payer))
                && (practices.isEmpty() || practice != null && (practice.sendingFacility() != null
                        && practices.contains(practice.sendingFacility())
                        || practices.contains(String.valueOf(practice.id()))))
                && (claimTypes.isEmpty() || claim.claimType() != null && claimTypes.contains(claim.claimType()));
    }
}
