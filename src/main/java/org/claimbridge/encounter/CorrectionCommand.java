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
     * The same correction, expecting another revision: for the next of several corrections made in one transaction,
     * each of which moves the revision on.
     */
    CorrectionCommand withExpectedRevision(int revision);

    /**
     * Adds an ICD-10-CM diagnosis.
     *
     * @param description optional
     * @param sequence    its place in the claim's pointer order, 1 first; null puts it last
     */
    record AddDiagnosis(long encounterId, int expectedRevision, String user, String reason, String code,
                        String description, Integer sequence) implements CorrectionCommand {

        @Override
        public AddDiagnosis withExpectedRevision(int revision) {
            return new AddDiagnosis(encounterId, revision, user, reason, code, description, sequence);
        }
    }

    /**
     * Replaces a diagnosis's code; charge lines that point to the old code point to the new one.
     *
     * @param description the new code's description, optional (null leaves none: the old one described the old code)
     */
    record ChangeDiagnosisCode(long encounterId, int expectedRevision, String user, String reason, long diagnosisId,
                               String code, String description) implements CorrectionCommand {

        @Override
        public ChangeDiagnosisCode withExpectedRevision(int revision) {
            return new ChangeDiagnosisCode(encounterId, revision, user, reason, diagnosisId, code, description);
        }
    }

    /** Removes a diagnosis no active charge line points to; the others close up their sequence. */
    record RemoveDiagnosis(long encounterId, int expectedRevision, String user, String reason, long diagnosisId)
            implements CorrectionCommand {

        @Override
        public RemoveDiagnosis withExpectedRevision(int revision) {
            return new RemoveDiagnosis(encounterId, revision, user, reason, diagnosisId);
        }
    }

    /** Puts the encounter's diagnoses in this order (sequence 1, 2, ...): every one of them, once each. */
    record ReorderDiagnoses(long encounterId, int expectedRevision, String user, String reason,
                            List<Long> diagnosisIds) implements CorrectionCommand {

        @Override
        public ReorderDiagnoses withExpectedRevision(int revision) {
            return new ReorderDiagnoses(encounterId, revision, user, reason, diagnosisIds);
        }
    }

    /** Sets a charge line's CPT/HCPCS code. */
    record ChangeProcedureCode(long encounterId, int expectedRevision, String user, String reason, long chargeId,
                               String procedureCode) implements CorrectionCommand {

        @Override
        public ChangeProcedureCode withExpectedRevision(int revision) {
            return new ChangeProcedureCode(encounterId, revision, user, reason, chargeId, procedureCode);
        }
    }

    /** Sets a charge line's modifiers, in order: at most four, each two letters or digits; empty for none. */
    record ChangeModifiers(long encounterId, int expectedRevision, String user, String reason, long chargeId,
                           List<String> modifiers) implements CorrectionCommand {

        @Override
        public ChangeModifiers withExpectedRevision(int revision) {
            return new ChangeModifiers(encounterId, revision, user, reason, chargeId, modifiers);
        }
    }

    /** Sets a charge line's units: more than 0, at most two decimal places, below 100000. Its amount stays. */
    record ChangeUnits(long encounterId, int expectedRevision, String user, String reason, long chargeId,
                       BigDecimal units) implements CorrectionCommand {

        @Override
        public ChangeUnits withExpectedRevision(int revision) {
            return new ChangeUnits(encounterId, revision, user, reason, chargeId, units);
        }
    }

    /**
     * Sets the diagnoses a charge line points to, in pointer order: at most four, each the code of a diagnosis on
     * the encounter; empty for none.
     */
    record ChangeDiagnosisPointers(long encounterId, int expectedRevision, String user, String reason, long chargeId,
                                   List<String> diagnosisCodes) implements CorrectionCommand {

        @Override
        public ChangeDiagnosisPointers withExpectedRevision(int revision) {
            return new ChangeDiagnosisPointers(encounterId, revision, user, reason, chargeId, diagnosisCodes);
        }
    }

    /** Sets a charge line's place of service (two digits, CMS place of service code). */
    record ChangePlaceOfService(long encounterId, int expectedRevision, String user, String reason, long chargeId,
                                String placeOfService) implements CorrectionCommand {

        @Override
        public ChangePlaceOfService withExpectedRevision(int revision) {
            return new ChangePlaceOfService(encounterId, revision, user, reason, chargeId, placeOfService);
        }
    }
}
