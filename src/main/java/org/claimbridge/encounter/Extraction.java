package org.claimbridge.encounter;

import java.util.List;

import org.claimbridge.intake.Hl7Problem;

/** A message's reading, and what stops it from being applied as it is (empty when nothing does). */
record Extraction(BillingUpdate update, List<Hl7Problem> problems) {

    boolean applicable() {
        return problems.isEmpty();
    }
}
