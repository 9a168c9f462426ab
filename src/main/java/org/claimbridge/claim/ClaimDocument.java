package org.claimbridge.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Everything one claim bills, as it goes into its 837 transaction set: kept with the claim so that a replacement,
 * a void, a resend and the lineage all work from what was billed, not from what the encounter says today.
 * Text is as the billing view holds it; the writer puts it into the guide's form (upper case, no dots in codes).
 *
 * @param frequency        CLM05-3: 1 original, 7 replacement, 8 void
 * @param payerClaimNumber REF*F8 on a replacement or void: the payer's control number of the claim it replaces
 * @param payerSequence    SBR01: P, S or T
 * @param patient          the 2000C patient, or null when the patient is the subscriber
 */
public record ClaimDocument(ClaimKind kind, String patientControlNumber, String frequency, String payerClaimNumber,
                            BigDecimal totalCharge, String payerSequence, String filingIndicator,
                            BillingProvider billing, Subscriber subscriber, Payer payer, Person patient,
                            String patientRelationship, Visit visit, List<Diagnosis> diagnoses,
                            List<SurgicalProcedure> procedures, Provider referring, Provider rendering,
                            Provider attending, Provider operating, Facility serviceFacility,
                            List<OtherCoverage> otherCoverages, List<Line> lines, Origin origin) {

    /** The same claim with the payer's control number of the claim it replaces or voids (REF*F8). */
    public ClaimDocument withPayerClaimNumber(String number) {
        return new ClaimDocument(kind, patientControlNumber, frequency, number, totalCharge, payerSequence,
                filingIndicator, billing, subscriber, payer, patient, patientRelationship, visit, diagnoses,
                procedures, referring, rendering, attending, operating, serviceFacility, otherCoverages, lines,
                origin);
    }

    /** A void (frequency 8) of this claim as sent: the same content under a claim number of its own. */
    public ClaimDocument voided(String newPatientControlNumber, String payerClaimNumber) {
        List<Line> relabelled = lines.stream().map(l -> new Line(l.number(), l.chargeId(),
                newPatientControlNumber + "-" + l.number(), l.serviceDate(), l.procedureCode(), l.modifiers(),
                l.revenueCode(), l.units(), l.amount(), l.pointers(), l.placeOfService(), l.rendering())).toList();
        return new ClaimDocument(kind, newPatientControlNumber, "8", payerClaimNumber, totalCharge, payerSequence,
                filingIndicator, billing, subscriber, payer, patient, patientRelationship, visit, diagnoses,
                procedures, referring, rendering, attending, operating, serviceFacility, otherCoverages, relabelled,
                origin);
    }

    /** The service facility (837P 2310C, 837I 2310E). */
    public record Facility(String name, String npi, Address address) {
    }

    /** Where the billed values were read: the ids the lineage follows. */
    public record Origin(long encounterId, int revision, long patientId, Long coverageId, Long guarantorId) {
    }

    public record Address(String line1, String line2, String city, String state, String postalCode) {
    }

    public record BillingProvider(String name, String npi, String taxonomy, String tin, Address address,
                                  Address payTo) {
    }

    public record Person(String lastName, String firstName, String middleName, LocalDate birthDate, String sex,
                         Address address) {
    }

    /** @param relationship SBR02: 18 when the subscriber is the patient, else null */
    public record Subscriber(Person person, String memberId, String groupNumber, String groupName,
                             String relationship) {
    }

    public record Payer(String name, String id) {
    }

    /**
     * @param placeOfService  837P CLM05-1
     * @param facilityType    837I CLM05-1: the first two digits of the type of bill
     */
    public record Visit(String placeOfService, String facilityType, LocalDate statementFrom, LocalDate statementTo,
                        LocalDateTime admittedAt, LocalDateTime dischargedAt, String admissionType,
                        String admissionSource, String patientStatus, String priorAuthorization, boolean inpatient) {
    }

    /** @param admitting 837I: the diagnosis at admission (HI*ABJ) */
    public record Diagnosis(long id, String code, boolean admitting) {
    }

    /** An ICD-10-PCS procedure (837I HI*BBR / BBQ). */
    public record SurgicalProcedure(long id, String code, LocalDate date) {
    }

    /** @param source the column of the billing view the NPI came from, e.g. encounter.attending_npi */
    public record Provider(String lastName, String firstName, String npi, String source, long sourceId) {
    }

    /** Another payer on the claim (2320/2330A/2330B). */
    /** @param priorPayment what this payer paid, once its remittance came (2320 CAS/AMT*D, 2430), else null */
    public record OtherCoverage(long coverageId, String payerSequence, String relationship, String filingIndicator,
                                String groupNumber, Person subscriber, String memberId, Payer payer,
                                PriorPayment priorPayment) {
    }

    /**
     * A payer before this one adjudicated the claim: what it paid and adjusted, for the claim and each line.
     *
     * @param lines by our line number
     */
    public record PriorPayment(BigDecimal paid, LocalDate adjudicated, List<Adjustment> adjustments,
                               List<LineAdjudication> lines) {
    }

    /** CAS: group (CO, PR, OA, PI), CARC and amount. */
    public record Adjustment(String group, String reason, BigDecimal amount) {
    }

    public record LineAdjudication(int lineNumber, BigDecimal paid, BigDecimal units,
                                   List<Adjustment> adjustments) {
    }

    /** This claim with a prior payer's adjudication put on that payer's 2320 loop. */
    public ClaimDocument withPriorPayment(String payerSequence, PriorPayment payment) {
        List<OtherCoverage> others = otherCoverages.stream().map(o -> !o.payerSequence().equals(payerSequence) ? o
                : new OtherCoverage(o.coverageId(), o.payerSequence(), o.relationship(), o.filingIndicator(),
                        o.groupNumber(), o.subscriber(), o.memberId(), o.payer(), payment)).toList();
        return new ClaimDocument(kind, patientControlNumber, frequency, payerClaimNumber, totalCharge, payerSequence(),
                filingIndicator, billing, subscriber, payer, patient, patientRelationship, visit, diagnoses,
                procedures, referring, rendering, attending, operating, serviceFacility, others, lines, origin);
    }

    /**
     * @param pointers     837P: 1-based positions in {@link #diagnoses()}, at most four
     * @param rendering    837P: the line's own rendering provider when it differs from the claim's, else null
     */
    public record Line(int number, long chargeId, String controlNumber, LocalDate serviceDate,
                       String procedureCode, List<String> modifiers, String revenueCode, BigDecimal units,
                       BigDecimal amount, List<Integer> pointers, String placeOfService, Provider rendering) {
    }
}
