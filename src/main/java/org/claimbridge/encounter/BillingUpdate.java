package org.claimbridge.encounter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What one message says about the billing view, read out of its segments with the source of every value. Made
 * without the database, so intake can judge a message before it is acknowledged and the applier later applies the
 * very same reading.
 *
 * @param mrn         PID-3.1 of the patient (for A40 the surviving one)
 * @param priorMrn    MRG-1.1 of the patient merged away by A40, else null
 * @param visitNumber PV1-19.1, else PID-18.1; null for a patient-only update
 */
record BillingUpdate(String messageType, String event, String sendingFacility, Sourced mrn, Columns patient,
                     Sourced priorMrn, Sourced visitNumber, Columns encounter, List<CoverageUpdate> coverages,
                     Columns guarantor, List<DiagnosisUpdate> diagnoses, List<ProcedureUpdate> procedures,
                     List<ChargeUpdate> charges) {

    /** ADT and BAR send the visit's whole diagnosis (and procedure) list; DFT only what its charges point at. */
    boolean replacesClinicalLists() {
        return !"DFT".equals(messageType);
    }

    boolean cancelsVisit() {
        return "ADT".equals(messageType) && "A11".equals(event);
    }

    boolean cancelsDischarge() {
        return "ADT".equals(messageType) && "A13".equals(event);
    }

    /** Admit, register and pre-admit make a visit cancelled earlier active again. */
    boolean opensVisit() {
        return "ADT".equals(messageType) && List.of("A01", "A04", "A05").contains(event);
    }

    boolean merges() {
        return "ADT".equals(messageType) && "A40".equals(event);
    }

    /** @param priority 1 primary, 2 secondary...: IN1-22, else the IN1's place among the message's IN1s */
    record CoverageUpdate(int priority, String priorityPath, Columns columns) {
    }

    record DiagnosisUpdate(String code, Columns columns) {
    }

    record ProcedureUpdate(String code, LocalDateTime performedAt, Columns columns) {
    }

    /** @param segment e.g. {@code FT1(2)}, for notes about this charge */
    record ChargeUpdate(String segment, String transactionType, Columns columns) {

        boolean isCredit() {
            return "CD".equals(transactionType);
        }

        String transactionId() {
            return (String) columns.value("transaction_id");
        }

        String procedureCode() {
            return (String) columns.value("procedure_code");
        }

        LocalDate serviceDate() {
            return (LocalDate) columns.value("service_date");
        }

        BigDecimal units() {
            return (BigDecimal) columns.value("units");
        }
    }
}
