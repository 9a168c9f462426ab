package org.claimbridge.scrub;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a rule sees of one encounter about to become a claim: the root object of every rule expression.
 * Documented field by field in {@code claim-rules/README.md}; rule files can only read it.
 *
 * @param claimType  {@code professional} (837P) or {@code institutional} (837I)
 * @param subscriber the primary coverage, or null when the encounter has none
 * @param today      the date the scrub runs, so date rules do not read the clock themselves
 */
public record ClaimContext(String claimType, Patient patient, Coverage subscriber, List<Coverage> coverages,
                           Practice practice, Encounter encounter, List<Diagnosis> diagnoses, List<Charge> charges,
                           LocalDate today) {

    /** @param age whole years on the first service date, null when birth date or service date is missing */
    public record Patient(String lastName, String firstName, String middleName, LocalDate birthDate, String sex,
                          Address address, Integer age) {
    }

    public record Address(String line1, String line2, String city, String state, String postalCode) {
    }

    /** @param relationship the patient's relationship to the subscriber as sent (IN1-17), e.g. {@code 01}, {@code 18} */
    public record Coverage(int priority, String payerId, String payerName, String planType, String memberId,
                           String groupNumber, String subscriberLastName, String subscriberFirstName,
                           LocalDate subscriberBirthDate, String relationship, LocalDate effectiveDate,
                           LocalDate expirationDate, String authorizationNumber) {
    }

    public record Practice(long id, String sendingFacility, String name, String billingNpi, String tin,
                           String taxonomy) {
    }

    /** @param firstServiceDate the earliest charge date, else the admit date */
    public record Encounter(String visitNumber, String patientClass, LocalDate admitDate, LocalDate dischargeDate,
                            String attendingNpi, String referringNpi, LocalDate firstServiceDate,
                            LocalDate lastServiceDate) {
    }

    /** @param pointer 1-based position on the claim, what charge lines point at */
    public record Diagnosis(int pointer, String code, String codingSystem, String type) {
    }

    /**
     * @param line               1-based line number in the encounter's charge order
     * @param diagnosisPointers  the line's diagnoses as pointers into {@code diagnoses}, 0 for a code not on the claim
     * @param renderingNpi       the performing provider, else the encounter's attending
     */
    public record Charge(int line, String type, String code, List<String> modifiers, BigDecimal units,
                         BigDecimal amount, LocalDate serviceDate, List<String> diagnosisCodes,
                         List<Integer> diagnosisPointers, String placeOfService, String renderingNpi) {
    }
}
