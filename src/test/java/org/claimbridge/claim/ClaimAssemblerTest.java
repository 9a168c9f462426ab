package org.claimbridge.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.claimbridge.encounter.EncounterDetails;
import org.claimbridge.encounter.EncounterDetails.Charge;
import org.claimbridge.encounter.EncounterDetails.Coverage;
import org.claimbridge.practice.ChargemasterItem;
import org.claimbridge.practice.Practice;
import org.claimbridge.practice.PracticeKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimAssemblerTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 3);

    private final Map<String, ChargemasterItem> chargemaster = Map.of(
            "OR29881", new ChargemasterItem("OR29881", "29881", "0360", new BigDecimal("6840.00"), "Arthroscopy"),
            "LAB36415", new ChargemasterItem("LAB36415", "36415", "0300", new BigDecimal("24.00"), "Venipuncture"));

    private final ClaimAssembler assembler = new ClaimAssembler(new ClaimAssembler.Settings() {
        @Override
        public String filingIndicator(String payerId) {
            return "06102".equals(payerId) ? "MB" : "CI";
        }

        @Override
        public Optional<ChargemasterItem> chargemaster(long practiceId, String transactionCode) {
            return Optional.ofNullable(ClaimAssemblerTest.this.chargemaster.get(transactionCode));
        }
    });

    @Test
    void aSelfSubscriberGetsOneOriginalClaimWhoseTotalIsTheSumOfItsLines() {
        EncounterDetails e = encounter("ACTIVE", List.of(medicare("SEL")),
                List.of(charge(1, "99214", "150.00", "E11.9"), charge(2, "36415", "20.00", "I10")));

        ClaimAssembler.Assembly a = assembler.assemble(e, professional(), List.of(), id -> null);

        assertThat(a.claims()).hasSize(1);
        NewClaim claim = a.claims().get(0);
        assertThat(claim.status()).isEqualTo(ClaimStatus.CREATED);
        ClaimDocument d = claim.document();
        assertThat(d.frequency()).isEqualTo("1");
        assertThat(d.patientControlNumber()).isEqualTo("42-1");
        assertThat(d.totalCharge()).isEqualByComparingTo("170.00");
        assertThat(d.patient()).isNull();
        assertThat(d.subscriber().relationship()).isEqualTo("18");
        assertThat(d.filingIndicator()).isEqualTo("MB");
        assertThat(d.diagnoses()).extracting(ClaimDocument.Diagnosis::code).containsExactly("E11.9", "I10");
        assertThat(d.lines()).extracting(ClaimDocument.Line::pointers).containsExactly(List.of(1), List.of(2));
        assertThat(d.lines()).extracting(ClaimDocument.Line::controlNumber).containsExactly("42-1-1", "42-1-2");
        assertThat(d.billing().tin()).isEqualTo("123456789");
    }

    @Test
    void aDependentGetsThePatientLoopAndTheSubscriberIsTheParent() {
        EncounterDetails e = encounter("ACTIVE", List.of(aetnaForChild()), List.of(charge(1, "99393", "180.00",
                "Z00.129")));

        ClaimDocument d = assembler.assemble(e, professional(), List.of(), id -> null).claims().get(0).document();

        assertThat(d.patient()).isNotNull();
        assertThat(d.patient().firstName()).isEqualTo("Lily");
        assertThat(d.patientRelationship()).isEqualTo("19");
        assertThat(d.subscriber().person().firstName()).isEqualTo("Maria");
        assertThat(d.subscriber().relationship()).isNull();
    }

    @Test
    void aSecondPayerGetsItsOwnClaimThatWaitsForThePrimaryAndIsNamedOnThePrimary() {
        EncounterDetails e = encounter("ACTIVE", List.of(medicare("SEL"), supplement()),
                List.of(charge(1, "99214", "150.00", "E11.9")));

        List<NewClaim> claims = assembler.assemble(e, professional(), List.of(), id -> null).claims();

        assertThat(claims).extracting(c -> c.document().payerSequence()).containsExactly("P", "S");
        assertThat(claims.get(0).status()).isEqualTo(ClaimStatus.CREATED);
        assertThat(claims.get(0).document().otherCoverages()).singleElement()
                .satisfies(o -> {
                    assertThat(o.payerSequence()).isEqualTo("S");
                    assertThat(o.payer().id()).isEqualTo("36273");
                });
        assertThat(claims.get(1).status()).isEqualTo(ClaimStatus.WAITING);
        assertThat(claims.get(1).document().payer().id()).isEqualTo("36273");
        assertThat(claims.get(1).document().otherCoverages()).singleElement()
                .satisfies(o -> assertThat(o.payerSequence()).isEqualTo("P"));
        assertThat(claims).extracting(c -> c.document().patientControlNumber()).doesNotHaveDuplicates();
    }

    @Test
    void moreLinesThanTheGuideAllowsAreSplitIntoClaimsOfFiftyEachTotallingTheirOwnLines() {
        List<Charge> charges = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            charges.add(charge(i, "97110", "10.00", "M17.11"));
        }
        EncounterDetails e = encounter("ACTIVE", List.of(medicare("SEL")), charges);

        List<NewClaim> claims = assembler.assemble(e, professional(), List.of(), id -> null).claims();

        assertThat(claims).extracting(c -> c.document().lines().size()).containsExactly(50, 50, 20);
        assertThat(claims).extracting(NewClaim::part).containsExactly(1, 2, 3);
        assertThat(claims).extracting(c -> c.document().totalCharge().toPlainString())
                .containsExactly("500.00", "500.00", "200.00");
        assertThat(claims.get(2).document().lines().get(0).number()).isEqualTo(1);
    }

    @Test
    void aChangeToASentClaimIsAReplacementCarryingThePayersNumberAndWaitsWhenThereIsNoneYet() {
        EncounterDetails e = encounter("ACTIVE", List.of(medicare("SEL")), List.of(charge(1, "99214", "150.00",
                "E11.9")));
        PriorClaim sent = new PriorClaim(7, 1, "P", 1, ClaimStatus.SUBMITTED, "1", "06102", "ICN2026110300017", "42-1");

        NewClaim replacement = assembler.assemble(e, professional(), List.of(sent), id -> null).claims().get(0);

        assertThat(replacement.status()).isEqualTo(ClaimStatus.CREATED);
        assertThat(replacement.document().frequency()).isEqualTo("7");
        assertThat(replacement.document().payerClaimNumber()).isEqualTo("ICN2026110300017");
        assertThat(replacement.replaces()).isEqualTo(sent);
        assertThat(replacement.document().patientControlNumber()).isEqualTo("42-2");

        PriorClaim unanswered = new PriorClaim(7, 1, "P", 1, ClaimStatus.SUBMITTED, "1", "06102", null, "42-1");
        NewClaim held = assembler.assemble(e, professional(), List.of(unanswered), id -> null).claims().get(0);
        assertThat(held.status()).isEqualTo(ClaimStatus.HELD);
        assertThat(held.reason()).contains("42-1").contains("REF*F8");
    }

    @Test
    void aCancelledEncounterVoidsWhatThePayerHoldsAndUnsentClaimsAreSuperseded() {
        EncounterDetails built = encounter("ACTIVE", List.of(medicare("SEL")), List.of(charge(1, "99214",
                "150.00", "E11.9")));
        ClaimDocument sentDocument = assembler.assemble(built, professional(), List.of(), id -> null).claims()
                .get(0).document();
        PriorClaim sent = new PriorClaim(7, 1, "P", 1, ClaimStatus.SUBMITTED, "1", "06102", "ICN1", "42-1");
        PriorClaim unsent = new PriorClaim(8, 2, "P", 1, ClaimStatus.HELD, "7", "06102", null, "42-2");

        ClaimAssembler.Assembly a = assembler.assemble(encounter("CANCELLED", List.of(medicare("SEL")), List.of()),
                professional(), List.of(sent, unsent), id -> sentDocument);

        assertThat(a.claims()).singleElement().satisfies(v -> {
            assertThat(v.document().frequency()).isEqualTo("8");
            assertThat(v.document().payerClaimNumber()).isEqualTo("ICN1");
            assertThat(v.document().lines()).hasSize(1);
            assertThat(v.document().patientControlNumber()).isEqualTo("42-3");
            assertThat(v.status()).isEqualTo(ClaimStatus.CREATED);
        });
        assertThat(a.superseded()).containsExactly(unsent);
    }

    @Test
    void aHospitalEncounterTakesRevenueCodesFromTheChargemasterAndIsRefusedWithoutOne() {
        Charge surgery = new Charge(1, "T1", DAY, "CG", "OR29881", "Arthroscopy", "29881", List.of("RT"),
                BigDecimal.ONE, new BigDecimal("6840.00"), List.of("S83.241A"), "22", "1938475625", "Raman, Priya",
                null, "ACTIVE", null, 5);
        EncounterDetails e = encounter("ACTIVE", List.of(medicare("SEL")), List.of(surgery));

        ClaimDocument d = assembler.assemble(e, institutional(), List.of(), id -> null).claims().get(0).document();
        assertThat(d.kind()).isEqualTo(ClaimKind.INSTITUTIONAL);
        assertThat(d.lines().get(0).revenueCode()).isEqualTo("0360");
        assertThat(d.visit().facilityType()).isEqualTo("13");
        assertThat(d.attending().npi()).isEqualTo("1938475625");

        Charge unknown = new Charge(2, "T2", DAY, "CG", "MISC1", "Misc", "99999", List.of(), BigDecimal.ONE,
                BigDecimal.TEN, List.of("S83.241A"), "22", null, null, null, "ACTIVE", null, 5);
        NewClaim refused = assembler.assemble(encounter("ACTIVE", List.of(medicare("SEL")), List.of(unknown)),
                institutional(), List.of(), id -> null).claims().get(0);
        assertThat(refused.status()).isEqualTo(ClaimStatus.INVALID);
        assertThat(refused.reason()).contains("MISC1").contains("revenue code");
    }

    @Test
    void aChargeSentWithoutAnAmountIsBilledAtTheChargemasterPriceTimesItsUnits() {
        Charge unpriced = new Charge(1, "T1", DAY, "CG", "LAB36415", "Venipuncture", "36415", List.of(),
                new BigDecimal("2"), null, List.of("S83.241A"), "22", null, null, null, "ACTIVE", null, 5);

        ClaimDocument d = assembler.assemble(encounter("ACTIVE", List.of(medicare("SEL")), List.of(unpriced)),
                institutional(), List.of(), id -> null).claims().get(0).document();

        assertThat(d.lines().get(0).amount()).isEqualByComparingTo("48.00");
        assertThat(d.totalCharge()).isEqualByComparingTo("48.00");
    }

    @Test
    void aPracticeServiceFacilityIsNamedOnItsClaims() {
        Practice p = professional();
        Practice withFacility = new Practice(p.id(), p.sendingFacility(), p.name(), p.kind(), true, p.billingNpi(),
                p.tin(), p.taxonomy(), p.addressLine(), p.city(), p.state(), p.postalCode(), null, null, null, null,
                new org.claimbridge.practice.ServiceFacility("West Clinic", "1144221847", "800 West Ave",
                        "Springfield", "IL", "627049876"));

        ClaimDocument d = assembler.assemble(encounter("ACTIVE", List.of(medicare("SEL")),
                List.of(charge(1, "99214", "150.00", "E11.9"))), withFacility, List.of(), id -> null).claims().get(0)
                .document();

        assertThat(d.serviceFacility().npi()).isEqualTo("1144221847");
        assertThat(d.serviceFacility().address().postalCode()).isEqualTo("627049876");
    }

    @Test
    void reversedChargesAndCreditsAreNotBilled() {
        Charge reversed = new Charge(1, "T1", DAY, "CG", null, null, "80053", List.of(), BigDecimal.ONE,
                new BigDecimal("42.00"), List.of("E11.9"), "11", null, null, null, "REVERSED", null, 5);
        Charge credit = new Charge(2, "T2", DAY, "CD", null, null, "80053", List.of(), BigDecimal.ONE,
                new BigDecimal("-42.00"), List.of("E11.9"), "11", null, null, null, "ACTIVE", 1L, 6);
        Charge kept = charge(3, "99214", "150.00", "E11.9");

        ClaimDocument d = assembler.assemble(encounter("ACTIVE", List.of(medicare("SEL")),
                List.of(reversed, credit, kept)), professional(), List.of(), id -> null).claims().get(0).document();

        assertThat(d.lines()).extracting(ClaimDocument.Line::chargeId).containsExactly(3L);
        assertThat(d.totalCharge()).isEqualByComparingTo("150.00");
    }

    private static Charge charge(long id, String code, String amount, String dx) {
        return new Charge(id, "T" + id, DAY, "CG", null, null, code, List.of(), BigDecimal.ONE,
                new BigDecimal(amount), List.of(dx), "11", "1049283710", "Okafor, Adaeze", null, "ACTIVE", null, 5);
    }

    private static Coverage medicare(String relationship) {
        return new Coverage(11, 1, "06102", "Medicare Part B", null, null, "1EG4TE5MK73", null, null, "Quimby",
                "Harold", LocalDate.of(1952, 4, 2), "M", null, null, null, null, relationship, null, null, null);
    }

    private static Coverage supplement() {
        return new Coverage(12, 2, "36273", "AARP Supplement", null, null, "AARP123", "G1", null, "Quimby",
                "Harold", LocalDate.of(1952, 4, 2), "M", null, null, null, null, "SEL", null, null, null);
    }

    private static Coverage aetnaForChild() {
        return new Coverage(13, 1, "60054", "Aetna", null, null, "W284719360", null, null, "Ortega", "Maria",
                LocalDate.of(1988, 6, 1), "F", "12 Elm St", "Springfield", "IL", "62704", "CHD", null, null, null);
    }

    private static EncounterDetails encounter(String status, List<Coverage> coverages, List<Charge> charges) {
        var encounter = new EncounterDetails.Encounter(42, 1, 9, "V1", null, "O", null, null, null,
                LocalDateTime.of(2026, 11, 3, 9, 0), null, "1938475625", "Raman, Priya", null, null, status, null, 3,
                LocalDateTime.of(2026, 11, 3, 9, 0));
        String first = coverages.get(0).relationship().equals("CHD") ? "Lily" : "Harold";
        var patient = new EncounterDetails.Patient(9, 1, "MRN9", first.equals("Lily") ? "Ortega" : "Quimby", first,
                null, first.equals("Lily") ? LocalDate.of(2018, 3, 4) : LocalDate.of(1952, 4, 2), "M", "27 Orchard Ct",
                null, "Springfield", "IL", "62701", null, null);
        List<EncounterDetails.Diagnosis> diagnoses = new ArrayList<>();
        int sequence = 1;
        for (Charge c : charges) {
            for (String code : c.diagnosisCodes()) {
                if (diagnoses.stream().noneMatch(d -> d.code().equals(code))) {
                    diagnoses.add(new EncounterDetails.Diagnosis(100 + sequence, sequence++, code, "I10", null,
                            "F"));
                }
            }
        }
        return new EncounterDetails(encounter, patient, null, coverages, diagnoses, List.of(), charges);
    }

    private static Practice professional() {
        return new Practice(1, "FAMPRAC", "Maple Family Practice", PracticeKind.PROFESSIONAL, true, "1234567893",
                "12-3456789", "207Q00000X", "100 Main St", "Springfield", "IL", "627011234", null, null, null, null, null);
    }

    private static Practice institutional() {
        return new Practice(1, "MERCYOP", "Mercy General", PracticeKind.INSTITUTIONAL, true, "1457293680",
                "37-9988776", "282N00000X", "1 Mercy Way", "Springfield", "IL", "627021234", null, null, null, null, null);
    }
}
