package org.claimbridge.encounter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * An encounter as the billing view holds it, with what a claim needs from around it. Date/times are UTC.
 */
public record EncounterDetails(Encounter encounter, Patient patient, Guarantor guarantor, List<Coverage> coverages,
                               List<Diagnosis> diagnoses, List<Procedure> procedures, List<Charge> charges) {

    /** @param holdReason why the encounter may not go on to a claim yet, or null */
    public record Encounter(long id, long practiceId, long patientId, String visitNumber, String accountNumber,
                            String patientClass, String location, String hospitalService, String admitType,
                            LocalDateTime admittedAt, LocalDateTime dischargedAt, String attendingNpi,
                            String attendingName, String referringNpi, String referringName, String status,
                            String holdReason, int revision, LocalDateTime changedAt) {
    }

    public record Patient(long id, long practiceId, String mrn, String lastName, String firstName, String middleName,
                          LocalDate birthDate, String sex, String addressLine1, String addressLine2, String city,
                          String state, String postalCode, String phone, Long mergedIntoId) {
    }

    public record Guarantor(long id, String lastName, String firstName, String addressLine1, String city,
                            String state, String postalCode, String phone, String relationship) {
    }

    public record Coverage(long id, int priority, String payerId, String payerName, String planId, String planType,
                           String memberId, String groupNumber, String groupName, String subscriberLastName,
                           String subscriberFirstName, LocalDate subscriberBirthDate, String subscriberSex,
                           String subscriberAddress, String subscriberCity, String subscriberState,
                           String subscriberPostalCode, String relationship, LocalDate effectiveDate,
                           LocalDate expirationDate, String authorizationNumber) {
    }

    public record Diagnosis(long id, int sequence, String code, String codingSystem, String description,
                            String diagnosisType) {
    }

    public record Procedure(long id, int sequence, String code, String codingSystem, String description,
                            LocalDateTime performedAt, String surgeonNpi) {
    }

    /** @param modifiers in the order sent; @param diagnosisCodes in pointer order */
    public record Charge(long id, String transactionId, LocalDate serviceDate, String transactionType,
                         String transactionCode, String description, String procedureCode, List<String> modifiers,
                         BigDecimal units, BigDecimal amount, List<String> diagnosisCodes, String placeOfService,
                         String performingNpi, String performingName, String orderingNpi, String status,
                         Long reversesChargeId, long messageId) {
    }
}
