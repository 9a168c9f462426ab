package org.claimbridge.scrub;

import java.util.List;

/** What a rule runs over: the claim once, or each charge line / diagnosis with it bound to a variable. */
enum RuleTarget {
    CLAIM(null, null),
    CHARGES("charges", "charge"),
    DIAGNOSES("diagnoses", "diagnosis");

    /** the value of {@code for:} in a rule file, and the root property the items come from */
    final String property;
    /** the variable ({@code #charge}) the current item is bound to */
    final String variable;

    RuleTarget(String property, String variable) {
        this.property = property;
        this.variable = variable;
    }

    List<?> items(ClaimContext claim) {
        return switch (this) {
            case CLAIM -> List.of(claim);
            case CHARGES -> claim.charges() == null ? List.of() : claim.charges();
            case DIAGNOSES -> claim.diagnoses() == null ? List.of() : claim.diagnoses();
        };
    }

    static RuleTarget of(String property) {
        for (RuleTarget t : values()) {
            if (t.property != null && t.property.equals(property)) {
                return t;
            }
        }
        return null;
    }
}
