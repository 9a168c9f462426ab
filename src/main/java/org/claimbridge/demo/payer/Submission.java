package org.claimbridge.demo.payer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What the simulator takes from one 837 file: the envelope it answers, and per transaction set the claims, with
 * just the values a 999, a 277CA and an 835 echo or decide on.
 */
record Submission(String fileName, Envelope envelope, List<Group> groups) {

    /** The 837's ISA: the answers go back the other way, with the same separators. */
    record Envelope(String senderQualifier, String senderId, String receiverQualifier, String receiverId,
                    String control, String usage, LocalDateTime at, Separators separators) {
    }

    record Separators(char segment, char element, char component, char repetition) {
    }

    /** A GS group; {@code declaredSets} is its GE01, which the 999's AK902 repeats. */
    record Group(String functionalId, String control, String senderApplication, String receiverApplication,
                 String version, int declaredSets, List<TransactionSet> sets) {
    }

    /**
     * One ST to SE.
     *
     * @param batch the BHT03, which the 277CA's receiver level traces back to
     */
    record TransactionSet(String id, String control, String reference, String batch, Party submitter,
                          List<Claim> claims) {
    }

    record Party(String name, String id) {
    }

    record Person(String lastName, String firstName, String middleName, String id) {
    }

    record BillingProvider(String name, String npi, String tin, String addressLine, String city, String state,
                           String postalCode) {
    }

    /** Where in its transaction set a segment was (ST is 1), for the 999 to point at. */
    record Spot(String tag, int position, String loop) {
    }

    /**
     * One CLM with what its hierarchy above said.
     *
     * @param patient             the patient when not the subscriber (2010CA), else null
     * @param originalClaimNumber REF*F8, the payer's number of the claim a replacement or void is about
     * @param memberSpot          2010BA NM1, subscriberSpot 2000B SBR, diagnosisSpot the first 2300 HI
     */
    record Claim(String pcn, BigDecimal charge, boolean institutional, String facilityCode, String frequency,
                 String payerSequence, String filingIndicator, Party payer, BillingProvider billing,
                 Person subscriber, Person patient, String originalClaimNumber, LocalDate statementFrom,
                 LocalDate statementTo, String diagnosis, List<ServiceLine> lines, Spot memberSpot,
                 Spot subscriberSpot, Spot diagnosisSpot) {

        Person patientOrSubscriber() {
            return patient == null ? subscriber : patient;
        }

        boolean replacesOrVoids() {
            return "7".equals(frequency) || "8".equals(frequency);
        }

        boolean voids() {
            return "8".equals(frequency);
        }

        LocalDate servedFrom() {
            if (statementFrom != null) {
                return statementFrom;
            }
            return lines.stream().map(ServiceLine::servedFrom).filter(d -> d != null).min(LocalDate::compareTo)
                    .orElse(null);
        }

        LocalDate servedTo() {
            if (statementTo != null) {
                return statementTo;
            }
            return lines.stream().map(ServiceLine::servedTo).filter(d -> d != null).max(LocalDate::compareTo)
                    .orElse(null);
        }
    }

    /**
     * An SV1 or SV2 line.
     *
     * @param qualifier  the procedure's qualifier (HC), or null for an institutional line billed by revenue code
     * @param modifiers  up to four
     * @param spot       the SV1/SV2 segment
     */
    record ServiceLine(int number, String controlNumber, String qualifier, String procedure, List<String> modifiers,
                       String revenueCode, BigDecimal charge, BigDecimal units, LocalDate servedFrom,
                       LocalDate servedTo, Spot spot) {
    }
}
