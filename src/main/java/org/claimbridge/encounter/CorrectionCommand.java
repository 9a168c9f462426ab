package org.claimbridge.encounter;

import java.math.BigDecimal;
import java.util.List;

/**
 * A coder's correction to an encounter, as {@link EncounterCorrections} takes it. Every one names the encounter and
 * the revision the coder saw (a correction to an encounter that changed since is refused), who corrects, and why.
 * Codes are taken trimmed and in upper case.
 */
public sealed interface CorrectionCommand {

    long encounterId();

    /** The encounter's revision when the coder loaded it. */
    int expectedRevision();

    /** The user name of whoever corrects. */
    String user();

    /** Why, in the coder's words; required. */
    String reason();

    /**
     * Adds an ICD-10-CM diagnosis.
     *
     * @param description optional
     * @param sequence    its place in the claim's pointer order, 1 first; null puts it last
     */
    record AddDiagnosis(long encounterId, int expectedRevision, String user, String reason, String code,
                        String description, Integer sequence) implements CorrectionCommand {
    }

    /**
     * Replaces a diagnosis's code; charge lines that point to the old code point to the new one.
     *
     * @param description the new code's description, optional (null leaves none: the old one described the old code)
     */
    record ChangeDiagnosisCode(long encounterId, int expectedRevision, String user, String reason, long diagnosisId,
                               String code, String description) implements CorrectionCommand {
    }

    /** Removes a diagnosis no active charge line points to; the others close up their sequence. */
    record RemoveDiagnosis(long encounterId, int expectedRevision, String user, String reason, long diagnosisId)
            implements CorrectionCommand {
    }

    /** Puts the encounter's diagnoses in this order (sequence 1, 2, ...): every one of them, once each. */
    record ReorderDiagnoses(long encounterId, int expectedRevision, String user, String reason,
                            List<Long> diagnosisIds) implements CorrectionCommand {
    }

    /** Sets a charge line's CPT/HCPCS code. */
    record ChangeProcedureCode(long encounterId, int expectedRevision, String user, String reason, long chargeId,
                               String procedureCode) implements CorrectionCommand {
    }

    /** Sets a charge line's modifiers, in order: at most four, each two letters or digits; empty for none. */
    record ChangeModifiers(long encounterId, int expectedRevision, String user, String reason, long chargeId,
                           List<String> modifiers) implements CorrectionCommand {
    }

    /** Sets a charge line's units: more than 0, at most two decimal places, below 100000. Its amount stays. */
    record ChangeUnits(long encounterId, int expectedRevision, String user, String reason, long chargeId,
                       BigDecimal units) implements CorrectionCommand {
    }

    /**
     * Sets the diagnoses a charge line points to, in pointer order: at most four, each the code of a diagnosis on
     * the encounter; empty for none.
     */
    record ChangeDiagnosisPointers(long encounterId, int expectedRevision, String user, String reason, long chargeId,
                                   List<String> diagnosisCodes) implements CorrectionCommand {
    }

    /** Sets a charge line's place of service (two digits, CMS place of service code). */
    record ChangePlaceOfService(long encounterId, int expectedRevision, String user, String reason, long chargeId,
                                String placeOfService) implements CorrectionCommand {
    }
}
