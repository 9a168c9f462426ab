package org.claimbridge.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.claimbridge.encounter.EncounterDetails;
import org.claimbridge.practice.Practice;
import org.claimbridge.practice.PracticeKind;
import org.junit.jupiter.api.Test;

class ClaimContextsTest {

    @Test
    void buildsTheRuleModelFromTheBillingView() {
        EncounterDetails details = new EncounterDetails(
                new EncounterDetails.Encounter(10, 7, 20, "V100", "A100", "O", "CLINIC", null, null,
                        LocalDateTime.of(2026, 3, 1, 9, 0), null, "1245319599", "Doc^Test", null, null, "NEW",
                        null, 1, LocalDateTime.of(2026, 3, 1, 10, 0)),
                new EncounterDetails.Patient(20, 7, "MRN1", "Testperson", "Alex", null, LocalDate.of(2000, 3, 3),
                        "F", "100 Sample Way", null, "Springfield", "IL", "62701", null, null),
                null,
                List.of(coverage(2, "SECOND"), coverage(1, "PAYER01")).stream()
                        .sorted(java.util.Comparator.comparingInt(EncounterDetails.Coverage::priority)).toList(),
                List.of(new EncounterDetails.Diagnosis(1, 1, "J06.9", "I10", null, "F"),
                        new EncounterDetails.Diagnosis(2, 2, "R05.9", "I10", null, "F")),
                List.of(),
                List.of(charge(1, LocalDate.of(2026, 3, 2), List.of("R05.9", "Z99.9"), null),
                        charge(2, LocalDate.of(2026, 3, 4), List.of("J06.9"), "1234567893"),
                        new EncounterDetails.Charge(9, "T9", LocalDate.of(2026, 3, 4), "CD", null, null, "99213",
                                List.of(), BigDecimal.ONE, new BigDecimal("-80.00"), List.of(), "11", null, null,
                                null, "ACTIVE", 2L, 1)));
        Practice practice = new Practice(7, "SAMPLECLINIC", "Sample Clinic", PracticeKind.PROFESSIONAL, true,
                "1234567893", "12-3456789", "207Q00000X", "1 Main", "Springfield", "IL", "62701",
                null, null, null, null, null);

        ClaimContext claim = ClaimContexts.of(details, practice, LocalDate.of(2026, 3, 10));

        assertThat(claim.claimType()).isEqualTo("professional");
        assertThat(claim.subscriber().payerId()).isEqualTo("PAYER01");
        assertThat(claim.coverages()).hasSize(2);
        assertThat(claim.patient().age()).as("age on the first service date").isEqualTo(25);
        assertThat(claim.encounter().firstServiceDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(claim.encounter().lastServiceDate()).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(claim.encounter().admitDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(claim.diagnoses()).extracting(ClaimContext.Diagnosis::pointer).containsExactly(1, 2);
        assertThat(claim.charges().get(0).diagnosisPointers()).as("0: a code not on the claim").containsExactly(2, 0);
        assertThat(claim.charges().get(0).renderingNpi()).as("falls back to the attending").isEqualTo("1245319599");
        assertThat(claim.charges().get(1).renderingNpi()).isEqualTo("1234567893");
        assertThat(claim.charges()).extracting(ClaimContext.Charge::line).containsExactly(1, 2, 3);
        assertThat(claim.charges().get(2).reversesLine()).as("the charge id the credit reversed, as a line")
                .isEqualTo(2);
        assertThat(claim.charges().get(2).credit()).isTrue();
        assertThat(claim.charges().get(0).billed()).isTrue();
        assertThat(claim.payer()).as("resolved by the evaluator from its rule set").isNull();
        assertThat(claim.practice().billingNpi()).isEqualTo("1234567893");
    }

    private static EncounterDetails.Coverage coverage(int priority, String payer) {
        return new EncounterDetails.Coverage(priority, priority, payer, "Payer " + payer, null, null, "M" + priority,
                null, null, "Testperson", "Alex", null, null, null, null, null, null, "18", null, null, null);
    }

    private static EncounterDetails.Charge charge(long id, LocalDate day, List<String> dx, String npi) {
        return new EncounterDetails.Charge(id, "T" + id, day, "CG", null, null, "99213", List.of(), BigDecimal.ONE,
                new BigDecimal("80.00"), dx, "11", npi, null, null, "ACTIVE", null, 1);
    }
}
