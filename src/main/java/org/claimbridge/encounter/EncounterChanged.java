package org.claimbridge.encounter;

/**
 * An encounter, or something billed on it (patient, coverage, diagnoses, charges), changed: features that build
 * on encounters look at it again. Published in the transaction that made the change.
 *
 * @param revision the encounter's revision after the change; a later event for it carries a higher one
 */
public record EncounterChanged(long encounterId, int revision) {
}
