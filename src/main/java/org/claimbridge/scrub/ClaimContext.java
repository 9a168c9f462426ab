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
 * @param payer      the primary payer's profile version in force on the first service date, from the rule set's
 *                   {@code payers/} files; null when the payer has none. {@link ClaimContexts} leaves it null and
 *                   the evaluator fills it from the rule set it evaluates with, so profile and rules always come
 *                   from the same version.
 */
public record ClaimContext(String claimType, Patient patient, Coverage subscriber, List<Coverage> coverages,
                           Practice practice, Encounter encounter, List<Diagnosis> diagnoses, List<Charge> charges,
                           LocalDate today, Payer payer) {

    /** The same claim with the payer profile the evaluator resolved. */
    public ClaimContext withPayer(Payer payer) {
        return new ClaimContext(claimType, patient, subscriber, coverages, practice, encounter, diagnoses, charges,
                today, payer);
    }

    /**
     * One version of a payer's profile: the quirks billing companies keep per payer, as data.
     *
     * @param effectiveTo      last date of service this version applies to, null while open-ended
     * @param timelyFilingDays days after the date of service the payer still accepts a claim, null when unknown
     * @param priorAuthCodes   procedure codes the payer pays only with a prior-authorization number
     */
    public record Payer(String id, String name, LocalDate effectiveFrom, LocalDate effectiveTo,
                        Integer timelyFilingDays, List<String> priorAuthCodes) {
    }

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
     * @param status             as the billing view keeps it: {@code ACTIVE}, or {@code REVERSED} once a credit took
     *                           the charge back
     * @param reversesLine       on a credit the billing view matched to a charge: that charge's line; else null
     */
    public record Charge(int line, String type, String code, List<String> modifiers, BigDecimal units,
                         BigDecimal amount, LocalDate serviceDate, List<String> diagnosisCodes,
                         List<Integer> diagnosisPointers, String placeOfService, String renderingNpi, String status,
                         Integer reversesLine) {

        /** A credit (transaction type CD) or a negative amount: takes money back, never billed as a line. */
        public boolean credit() {
            return "CD".equals(type) || amount != null && amount.signum() < 0;
        }

        /** A charge a credit took back: it stays in the billing view but not on the claim. */
        public boolean reversed() {
            return "REVERSED".equals(status);
        }

        /** A line that goes on the claim: neither a credit nor reversed. */
        public boolean billed() {
            return !credit() && !reversed();
        }
    }
}
