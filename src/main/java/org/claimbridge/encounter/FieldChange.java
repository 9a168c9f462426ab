package org.claimbridge.encounter;

import java.time.Instant;

/**
 * One stored value and where it came from: a message and HL7 path, or a coder's correction.
 *
 * @param entity     patient, coverage, guarantor, encounter, diagnosis, procedure or charge
 * @param field      the column it was stored in
 * @param messageId  the message that supplied it; null when a coder's correction did
 * @param hl7Path    e.g. {@code IN1(1)-36}; null when a coder's correction supplied the value
 * @param correction the coder's correction that supplied it; null when a message did
 */
public record FieldChange(String entity, long entityId, String field, Long messageId, String hl7Path, String value,
                          Instant recordedAt, Correction correction) {

    /** The correction behind a value: who made it, when (UTC) and why. */
    public record Correction(long id, String correctedBy, Instant correctedAt, String reason) {
    }

    public boolean corrected() {
        return correction != null;
    }

    /** "message 12, FT1(1)-25.1" or "corrected by alice at 2026-11-20T10:00:00Z: wrong code". */
    public String source() {
        return correction == null ? "message " + messageId + ", " + hl7Path
                : "corrected by " + correction.correctedBy() + " at " + correction.correctedAt() + ": "
                        + correction.reason();
    }
}
