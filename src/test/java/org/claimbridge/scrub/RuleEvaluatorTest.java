package org.claimbridge.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scope, preconditions, per-line rules, and a rule that fails on a claim the load-time samples did not foresee. */
class RuleEvaluatorTest {

    @TempDir
    Path dir;

    @Test
    void scopeWhenAndPerLineRules() throws IOException {
        RuleSet rules = load("""
                family: sample
                rules:
                  - id: P-ONLY-PAYER01
                    description: payer-scoped
                    severity: warning
                    scope:
                      payers: [PAYER01]
                      practices: [SAMPLECLINIC]
                    condition: "true"
                    message: "payer #{subscriber.payerId}"
                    fix: none
                  - id: P-OTHER-PAYER
                    description: scoped to someone else
                    severity: warning
                    scope:
                      payers: [OTHER]
                    condition: "true"
                    message: "never"
                    fix: none
                  - id: P-MOD-25
                    description: per line, with a precondition
                    severity: info
                    for: charges
                    field: modifiers
                    when: "#charge.code == '99213'"
                    condition: "!#charge.modifiers.contains('25')"
                    message: "line #{#line} code #{#charge.code} has no 25"
                    fix: add 25
                """);

        var findings = RuleEvaluator.evaluateWithoutCodeSets(rules, new TestClaim().build());

        assertThat(findings).extracting(Finding::ruleId, Finding::message, Finding::field, Finding::severity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("P-ONLY-PAYER01", "payer PAYER01", null,
                                Severity.WARNING),
                        org.assertj.core.groups.Tuple.tuple("P-MOD-25", "line 1 code 99213 has no 25",
                                "charges[1].modifiers", Severity.INFO));
    }

    @Test
    void aClaimWithNoCoverageOrClaimTypeIsOutsideEveryScopeThatNamesOne() throws IOException {
        RuleSet rules = load("""
                family: sample
                rules:
                  - id: P-ONLY-PAYER01
                    description: payer-scoped
                    severity: warning
                    scope:
                      payers: [PAYER01]
                    condition: "true"
                    message: "payer-scoped"
                    fix: none
                  - id: P-ONLY-PROFESSIONAL
                    description: claim-type-scoped
                    severity: warning
                    scope:
                      claimTypes: [professional]
                    condition: "true"
                    message: "type-scoped"
                    fix: none
                  - id: P-ALL
                    description: everyone
                    severity: info
                    condition: "true"
                    message: "all"
                    fix: none
                """);
        TestClaim claim = new TestClaim();
        claim.coverage = false;
        claim.claimType = null;

        assertThat(RuleEvaluator.evaluateWithoutCodeSets(rules, claim.build())).extracting(Finding::ruleId)
                .containsExactly("P-ALL");
    }

    @Test
    void aRuleThatCannotBeCheckedOnAClaimIsAFindingNotASilentPass() throws IOException {
        RuleSet rules = load("""
                family: sample
                rules:
                  - id: P-CITY-LENGTH
                    description: city fits the 837 element
                    severity: error
                    condition: "patient.address.city.length() > 30"
                    message: "city too long"
                    fix: shorten it
                """);
        TestClaim claim = new TestClaim();
        claim.city = null;

        var findings = RuleEvaluator.evaluateWithoutCodeSets(rules, claim.build());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("P-CITY-LENGTH");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("could not be checked");
            assertThat(f.fix()).contains("sample.yaml line 3");
        });
    }

    private RuleSet load(String text) throws IOException {
        Files.writeString(dir.resolve("sample.yaml"), text);
        RuleSets sets = RuleSets.forFolder(dir);
        assertThat(sets.lastLoad().errors()).isEmpty();
        return sets.current();
    }
}
