package org.claimbridge.scrub;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The payer profiles of a rule set ({@code claim-rules/payers/*.yaml}), by payer id: each payer's quirks as
 * versions with effective dates, so a change of policy is a new version, not a code branch.
 */
record PayerProfiles(Map<String, List<ClaimContext.Payer>> byPayerId) {

    static final PayerProfiles NONE = new PayerProfiles(Map.of());

    /** The version in force on a date of service, or null when the payer has no profile (or none then). */
    ClaimContext.Payer resolve(String payerId, LocalDate date) {
        List<ClaimContext.Payer> versions = payerId == null || date == null ? null : byPayerId.get(payerId);
        if (versions == null) {
            return null;
        }
        for (ClaimContext.Payer version : versions) {
            if (!date.isBefore(version.effectiveFrom())
                    && (version.effectiveTo() == null || !date.isAfter(version.effectiveTo()))) {
                return version;
            }
        }
        return null;
    }

    int size() {
        return byPayerId.size();
    }
}
