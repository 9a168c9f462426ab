package org.claimbridge.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule shipped in claim-rules/: a clean claim passes it, a claim broken in one place fails it, and claims that
 * come close without breaking it pass. Evaluated with the shipped code-set subset in memory ({@link ShippedCodes}).
 */
class ShippedRulesTest {

    static RuleSet rules;

    @BeforeAll
    static void load() {
        RuleSets sets = RuleSets.forFolder(Path.of("claim-rules"));
        assertThat(sets.lastLoad().errors()).isEmpty();
        rules = sets.current();
    }

    @Test
    void aCleanClaimPassesEveryRule() {
        assertThat(evaluate(new TestClaim())).isEmpty();
    }

    private static List<Finding> evaluate(TestClaim claim) {
        return RuleEvaluator.evaluate(rules, claim.build(), ShippedCodes.INSTANCE);
    }

    @Test
    void everyShippedRuleHasAFailingExample() {
        List<String> covered = failing().map(a -> (String) a.get()[0]).toList();
        assertThat(covered).containsExactlyInAnyOrderElementsOf(rules.ruleIds());
    }

    static Stream<Arguments> failing() {
        return Stream.of(
                broken("REQ-PATIENT-NAME", c -> c.lastName = " ", "patient.lastName=' '", "patient.lastName"),
                broken("REQ-PATIENT-BIRTH-DATE", c -> c.birthDate = null, "patient.birthDate", "patient.birthDate"),
                broken("REQ-PATIENT-SEX", c -> c.sex = "X", "(patient.sex) is 'X'", "patient.sex"),
                broken("REQ-PATIENT-ADDRESS", c -> c.city = null, "city=''", "patient.address"),
                broken("REQ-PAYER", c -> c.coverage = false, "subscriber.payerId", "subscriber.payerId"),
                broken("REQ-SUBSCRIBER-MEMBER-ID", c -> c.memberId = "", "payer 'PAYER01'", "subscriber.memberId"),
                broken("REQ-SUBSCRIBER-RELATIONSHIP", c -> c.relationship = null, "subscriber.relationship",
                        "subscriber.relationship"),
                broken("REQ-BILLING-NPI", c -> c.billingNpi = null, "practice 'Sample Clinic'",
                        "practice.billingNpi"),
                broken("REQ-ATTENDING-NPI", c -> c.attendingNpi = null, "visit 'V100'", "encounter.attendingNpi"),
                broken("REQ-RENDERING-NPI",
                        c -> c.charges.set(1, TestClaim.charge(2, "87880", TestClaim.DAY, "11", null)),
                        "Charge line 2 (87880): rendering provider NPI (charges[2].renderingNpi)",
                        "charges[2].renderingNpi"),
                broken("REQ-DIAGNOSIS", c -> c.diagnoses.clear(), "no diagnosis", "diagnoses"),
                broken("REQ-CHARGE", c -> c.charges.clear(), "no charge line", "charges"),
                broken("REQ-SERVICE-DATE",
                        c -> c.charges.set(0, TestClaim.charge(1, "99213", null, "11", "1245319599")),
                        "Charge line 1 (99213): service date (charges[1].serviceDate)", "charges[1].serviceDate"),
                broken("REQ-PLACE-OF-SERVICE",
                        c -> c.charges.set(1, TestClaim.charge(2, "87880", TestClaim.DAY, "1", "1245319599")),
                        "(charges[2].placeOfService) is '1'", "charges[2].placeOfService"),
                broken("ID-BILLING-NPI-CHECK-DIGIT", c -> c.billingNpi = "1234567890", "'1234567890' fails",
                        "practice.billingNpi"),
                broken("ID-ATTENDING-NPI-CHECK-DIGIT", c -> c.attendingNpi = "1245319590", "'1245319590' fails",
                        "encounter.attendingNpi"),
                broken("ID-REFERRING-NPI-CHECK-DIGIT", c -> c.referringNpi = "999", "'999' fails",
                        "encounter.referringNpi"),
                broken("ID-RENDERING-NPI-CHECK-DIGIT",
                        c -> c.charges.set(0, TestClaim.charge(1, "99213", TestClaim.DAY, "11", "1111111111")),
                        "charges[1].renderingNpi) '1111111111' fails", "charges[1].renderingNpi"),
                broken("ID-TIN-FORMAT", c -> c.tin = "12-345", "(practice.tin) '12-345'", "practice.tin"),
                broken("ID-TAXONOMY-FORMAT", c -> c.taxonomy = "207Q0000", "(practice.taxonomy) '207Q0000'",
                        "practice.taxonomy"),
                // family 3: code validity
                broken("CODE-ICD10-FORMAT", c -> c.diagnoses.set(0, TestClaim.dx(1, "J06.91234")),
                        "(diagnoses[1].code) 'J06.91234' is not an ICD-10-CM code", "diagnoses[1].code"),
                broken("CODE-ICD10-UNKNOWN", c -> c.diagnoses.set(0, TestClaim.dx(1, "X99.9")),
                        "'X99.9' is not an ICD-10-CM code in the loaded code set", "diagnoses[1].code"),
                broken("CODE-ICD10-NOT-VALID-ON-DATE", c -> c.firstServiceDate = LocalDate.of(2015, 9, 30),
                        "'J06.9' is not valid on the date of service 2015-09-30", "diagnoses[1].code"),
                broken("CODE-ICD10-NOT-BILLABLE", c -> c.diagnoses.set(0, TestClaim.dx(1, "J06")),
                        "'J06' is a category header", "diagnoses[1].code"),
                broken("CODE-PROCEDURE-FORMAT", c -> c.charges.set(1, TestClaim.charge(2, "8788")),
                        "(charges[2].code) '8788' is not a CPT or HCPCS code", "charges[2].code"),
                broken("CODE-HCPCS-NOT-VALID-ON-DATE", c -> c.charges.set(1, TestClaim.charge(2, "J9999")),
                        "(charges[2].code) 'J9999' is not valid on 2026-03-02", "charges[2].code"),
                broken("CODE-MODIFIER-FORMAT", c -> c.charges.set(1, TestClaim.charge(2, "87880", "5")),
                        "modifiers (charges[2].modifiers) 5 are not", "charges[2].modifiers"),
                broken("CODE-MODIFIER-UNKNOWN", c -> c.charges.set(1, TestClaim.charge(2, "87880", "QQ")),
                        "modifiers (charges[2].modifiers) QQ are not known", "charges[2].modifiers"),
                broken("CODE-POS-UNKNOWN",
                        c -> c.charges.set(0, TestClaim.charge(1, "99213", TestClaim.DAY, "98", "1245319599")),
                        "(charges[1].placeOfService) '98' is not a CMS", "charges[1].placeOfService"),
                // family 4: consistency
                broken("CON-DX-POINTER-UNRESOLVED", c -> c.charges.set(1, TestClaim.line(2, "CG", "87880", List.of(),
                                "1", "95.00", TestClaim.DAY, List.of("J06.9", "R05.9"), List.of(1, 0))),
                        "diagnoses (charges[2].diagnosisCodes) R05.9 are not among", "charges[2].diagnosisCodes"),
                broken("CON-DX-POINTER-MISSING", c -> c.charges.set(1, TestClaim.line(2, "CG", "87880", List.of(),
                                "1", "95.00", TestClaim.DAY, List.of(), List.of())),
                        "no diagnosis (charges[2].diagnosisCodes is empty)", "charges[2].diagnosisCodes"),
                broken("CON-DX-POINTERS-MAX", c -> {
                    List<String> five = List.of("J06.9", "R05.9", "I10", "E11.9", "Z23");
                    c.diagnoses.clear();
                    for (String code : five) {
                        c.diagnoses.add(TestClaim.dx(c.diagnoses.size() + 1, code));
                    }
                    c.charges.set(1, TestClaim.line(2, "CG", "87880", List.of(), "1", "95.00", TestClaim.DAY, five,
                            List.of(1, 2, 3, 4, 5)));
                }, "5 diagnoses (charges[2].diagnosisCodes)", "charges[2].diagnosisCodes"),
                broken("CON-DX-MAX", c -> {
                    c.diagnoses.clear();
                    for (String code : List.of("J06.9", "E11.22", "E11.65", "E11.9", "E78.5", "I10", "I25.10",
                            "M17.11", "M17.12", "M25.561", "M25.562", "R05.1", "R05.9")) {
                        c.diagnoses.add(TestClaim.dx(c.diagnoses.size() + 1, code));
                    }
                }, "The claim has 13 diagnoses (diagnoses)", "diagnoses"),
                broken("CON-CHARGE-AMOUNT", c -> c.charges.set(1, TestClaim.line(2, "CG", "87880", List.of(), "1",
                        "0.00", TestClaim.DAY, List.of("J06.9"), List.of(1))),
                        "amount (charges[2].amount) is '0.00', must be above 0", "charges[2].amount"),
                broken("CON-CHARGE-UNITS", c -> c.charges.set(1, TestClaim.line(2, "CG", "87880", List.of(), "0",
                        "95.00", TestClaim.DAY, List.of("J06.9"), List.of(1))),
                        "units (charges[2].units) is '0', must be above 0", "charges[2].units"),
                broken("CON-SERVICE-DATE-FUTURE", c -> {
                    c.dischargeDate = null;
                    c.charges.set(1, TestClaim.charge(2, "87880", TestClaim.DAY.plusDays(5), "11", "1245319599"));
                }, "(charges[2].serviceDate) 2026-03-07 is in the future (today is 2026-03-03)",
                        "charges[2].serviceDate"),
                broken("CON-SERVICE-DATE-OUTSIDE-ENCOUNTER",
                        c -> c.charges.set(1, TestClaim.charge(2, "87880", TestClaim.DAY.minusDays(3), "11",
                                "1245319599")),
                        "(charges[2].serviceDate) 2026-02-27 is outside the encounter, 2026-03-02 to 2026-03-02",
                        "charges[2].serviceDate"),
                broken("CON-DUPLICATE-LINE", c -> c.charges.add(TestClaim.charge(3, "87880")),
                        "(charges[3].code) '87880' with modifiers  on 2026-03-02 repeats line 2", "charges[3].code"),
                broken("CON-DX-AGE-SEX", c -> {
                    c.sex = "M";
                    c.diagnoses.add(TestClaim.dx(2, "O80"));
                }, "(diagnoses[2].code) 'O80' is a pregnancy, childbirth and the puerperium code, for female patients"
                        + " aged 12 to 55; the patient's sex does not fit (patient.sex 'M'", "diagnoses[2].code"),
                broken("CON-CREDIT-UNMATCHED", c -> c.charges.add(TestClaim.line(3, "CD", "99214", List.of(), "1",
                                "-95.00", TestClaim.DAY, List.of(), List.of())),
                        "credit of -95.00 for code (charges[3].code) '99214' on 2026-03-02 matches no charge",
                        "charges[3].code"),
                // family 5: NCCI pairs and units
                broken("NCCI-PTP", c -> c.charges.set(1, TestClaim.charge(2, "20610")),
                        "Charge line 1 (99213) is part of line 2 (20610) on 2026-03-02: NCCI pair 20610/99213", 
                        "charges[1].modifiers"),
                broken("NCCI-MUE", c -> c.charges.set(0, TestClaim.line(1, "CG", "99213", List.of(), "2", "190.00",
                                TestClaim.DAY, List.of("J06.9"), List.of(1))),
                        "2 units (charges[1].units, lines 1) on 2026-03-02 exceed the limit of 1 per day",
                        "charges[1].units"),
                // family 6: timely filing (UnitedHealthcare's profile: 90 days)
                broken("TF-LIMIT-PASSED", c -> {
                    c.payerId = "87726";
                    c.today = TestClaim.DAY.plusDays(100);
                }, "2026-03-02 is 100 days ago; payer 87726 (UnitedHealthcare) accepts claims up to 90 days",
                        "encounter.firstServiceDate"),
                broken("TF-LIMIT-NEAR", c -> {
                    c.payerId = "87726";
                    c.today = TestClaim.DAY.plusDays(80);
                }, "10 days left of payer 87726's 90-day filing limit", "encounter.firstServiceDate"),
                // family 7: payer-specific
                broken("PAYER-PRIOR-AUTH", c -> {
                    c.payerId = "87726";
                    c.charges.set(1, TestClaim.charge(2, "73721", "RT"));
                }, "payer 87726 (UnitedHealthcare) requires prior authorization for '73721'", "charges[2].code"));
    }

    /** Claims close to a rule's edge that must pass every rule. */
    static Stream<Arguments> passing() {
        return Stream.of(
                fits("code rules skip a code set that is not loaded", c -> c.diagnoses.set(0, TestClaim.dx(1, "X99.9")),
                        false),
                fits("a credit the billing view matched", c -> c.charges.add(new ClaimContext.Charge(3, "CD", "87880",
                        List.of(), java.math.BigDecimal.ONE, new java.math.BigDecimal("-95.00"), TestClaim.DAY,
                        List.of(), List.of(), "11", "1245319599", "ACTIVE", 2)), true),
                fits("a credit matching a charge of the same code and date", c -> c.charges.add(TestClaim.line(3,
                        "CD", "87880", List.of(), "1", "-95.00", TestClaim.DAY, List.of(), List.of())), true),
                fits("a reversed charge is not a duplicate", c -> c.charges.add(new ClaimContext.Charge(3, "CG",
                        "87880", List.of(), java.math.BigDecimal.ONE, new java.math.BigDecimal("95.00"), TestClaim.DAY,
                        List.of("J06.9"), List.of(1), "11", "1245319599", "REVERSED", null)), true),
                fits("a repeat with modifier 91 is not a duplicate",
                        c -> c.charges.add(TestClaim.charge(3, "87880", "91")), true),
                fits("NCCI indicator 1 with modifier 25 on the column-2 line", c -> {
                    c.charges.set(0, TestClaim.charge(1, "99213", "25"));
                    c.charges.set(1, TestClaim.charge(2, "20610"));
                }, true),
                fits("NCCI pair on different dates of service", c -> {
                    c.dischargeDate = TestClaim.DAY.plusDays(1);
                    c.charges.set(1, TestClaim.charge(2, "20610", TestClaim.DAY.plusDays(1), "11", "1245319599"));
                }, true),
                fits("NCCI pair deleted before the date of service", c -> {
                    c.charges.set(0, TestClaim.charge(1, "93005"));
                    c.charges.set(1, TestClaim.charge(2, "93041"));
                }, true),
                fits("MUE: units at the limit", c -> c.charges.set(1, TestClaim.line(2, "CG", "87880", List.of(), "2",
                        "190.00", TestClaim.DAY, List.of("J06.9"), List.of(1))), true),
                fits("pregnancy code on a female of 30, newborn code on a newborn", c -> {
                    c.age = 30;
                    c.diagnoses.add(TestClaim.dx(2, "O80"));
                }, true),
                fits("within the payer's filing limit", c -> {
                    c.payerId = "87726";
                    c.today = TestClaim.DAY.plusDays(60);
                }, true),
                fits("prior authorization given", c -> {
                    c.payerId = "87726";
                    c.authorizationNumber = "AUTH1";
                    c.charges.set(1, TestClaim.charge(2, "73721", "RT"));
                }, true),
                fits("prior authorization only from the payer version that requires it", c -> {
                    c.payerId = "00621";
                    c.firstServiceDate = LocalDate.of(2025, 12, 31);
                    c.charges.set(1, TestClaim.charge(2, "73721", "RT"));
                }, true));
    }

    private static Arguments fits(String name, Consumer<TestClaim> change, boolean withCodes) {
        return Arguments.of(name, change, withCodes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passing")
    void aClaimCloseToARuleButWithinItPasses(String name, Consumer<TestClaim> change, boolean withCodes) {
        TestClaim claim = new TestClaim();
        change.accept(claim);

        List<Finding> findings = withCodes ? evaluate(claim) : RuleEvaluator.evaluateWithoutCodeSets(rules, claim.build());

        assertThat(findings).isEmpty();
    }

    @Test
    void ncciIndicatorZeroIsNotBypassedByAModifier() {
        TestClaim claim = new TestClaim();
        claim.charges.set(0, TestClaim.charge(1, "93000"));
        claim.charges.set(1, TestClaim.charge(2, "93005", "59"));

        assertThat(evaluate(claim)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("NCCI-PTP");
            assertThat(f.message()).contains("modifier indicator 0: never billed together");
        });
    }

    @Test
    void theUnitsOfOneCodeOnOneDayAddUpForADateOfServiceLimit() {
        TestClaim claim = new TestClaim();
        claim.charges.set(0, TestClaim.charge(1, "20610", "RT"));
        claim.charges.set(1, TestClaim.charge(2, "20610", "LT"));
        claim.charges.add(TestClaim.charge(3, "20610", "59"));

        assertThat(evaluate(claim)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("NCCI-MUE");
            assertThat(f.message()).contains("3 units (charges[3].units, lines 1,2,3)", "limit of 2 per day");
            assertThat(f.field()).isEqualTo("charges[3].units");
        });
    }

    @Test
    void aNewbornCodeOnAnAdultIsAnAgeConflict() {
        TestClaim claim = new TestClaim();
        claim.diagnoses.add(TestClaim.dx(2, "Z38.00"));

        assertThat(evaluate(claim)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("CON-DX-AGE-SEX");
            assertThat(f.message()).contains("for patients aged 0", "the patient's age does not fit",
                    "patient.age 40");
        });
    }

    private static Arguments broken(String ruleId, Consumer<TestClaim> change, String messagePart, String field) {
        return Arguments.of(ruleId, change, messagePart, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failing")
    void aClaimBrokenInOnePlaceFailsItsRule(String ruleId, Consumer<TestClaim> change, String messagePart,
                                            String field) {
        TestClaim claim = new TestClaim();
        change.accept(claim);

        List<Finding> findings = evaluate(claim);

        assertThat(findings).extracting(Finding::ruleId).containsExactly(ruleId);
        Finding finding = findings.get(0);
        assertThat(finding.message()).contains(messagePart);
        assertThat(finding.field()).isEqualTo(field);
        assertThat(finding.ruleSetVersion()).isEqualTo(rules.version());
        assertThat(finding.fix()).isNotBlank();
    }

    @Test
    void placeOfServiceIsAProfessionalRuleOnly() {
        TestClaim claim = new TestClaim();
        claim.claimType = "institutional";
        claim.charges.set(0, TestClaim.charge(1, "99213", TestClaim.DAY, null, "1245319599"));

        assertThat(evaluate(claim)).isEmpty();
    }
}
