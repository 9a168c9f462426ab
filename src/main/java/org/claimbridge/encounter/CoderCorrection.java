package org.claimbridge.encounter;

import java.time.Instant;

/**
 * One correction a coder made to an encounter, as recorded.
 *
 * @param revision  the encounter's revision the correction made
 * @param entity    diagnosis, charge, or encounter (for a reorder of its diagnoses)
 * @param entityId  the diagnosis (also a removed one), charge or encounter
 * @param field     the column corrected, {@code diagnoses} for a reorder
 * @param before    the value before, as stored (comma separated lists); null for none
 * @param after     the value after; null for none (a removed diagnosis)
 * @param correctedAt UTC
 */
public record CoderCorrection(long id, long encounterId, int revision, Action action, String entity, long entityId,
                              String field, String before, String after, String reason, String correctedBy,
                              Instant correctedAt) {

    public enum Action {
        ADD_DIAGNOSIS, CHANGE_DIAGNOSIS_CODE, REMOVE_DIAGNOSIS, REORDER_DIAGNOSES, CHANGE_PROCEDURE_CODE,
        CHANGE_MODIFIERS, CHANGE_UNITS, CHANGE_DIAGNOSIS_POINTERS, CHANGE_PLACE_OF_SERVICE
    }
}
