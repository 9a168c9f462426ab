package org.claimbridge.encounter;

import java.time.Instant;

/**
 * One stored value and where it came from.
 *
 * @param entity   patient, coverage, guarantor, encounter, diagnosis, procedure or charge
 * @param field    the column it was stored in
 * @param hl7Path  e.g. {@code IN1(1)-36}
 */
public record FieldChange(String entity, long entityId, String field, long messageId, String hl7Path, String value,
                          Instant recordedAt) {
}
