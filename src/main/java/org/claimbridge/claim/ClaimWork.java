package org.claimbridge.claim;

import java.util.List;

import org.claimbridge.encounter.EncounterDetails;
import org.claimbridge.practice.Practice;

/** One encounter to turn into claims, with its practice, its earlier claims and the lineage mark of the read. */
record ClaimWork(EncounterDetails details, Practice practice, List<PriorClaim> history, long lineageMark) {
}
