package org.claimbridge.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule shipped in claim-rules/: a clean claim passes it, a claim broken in one place fails it. */
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
        assertThat(RuleEvaluator.evaluate(rules, new TestClaim().build())).isEmpty();
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
                        "practice.taxonomy"));
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

        List<Finding> findings = RuleEvaluator.evaluate(rules, claim.build());

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

        assertThat(RuleEvaluator.evaluate(rules, claim.build())).isEmpty();
    }
}
