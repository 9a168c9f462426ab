package org.claimbridge.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import org.claimbridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The shipped rules in the running application: code-set helpers answered by the loaded code sets. */
@IntegrationTest
class CodeRulesIT {

    @Autowired
    RuleEvaluator evaluator;

    @Test
    void codeSetRulesReadTheLoadedCodeSets() {
        assertThat(evaluator.evaluate(new TestClaim().build())).isEmpty();

        TestClaim header = new TestClaim();
        header.diagnoses.set(0, TestClaim.dx(1, "J06"));
        assertThat(evaluator.evaluate(header.build())).extracting(Finding::ruleId)
                .containsExactly("CODE-ICD10-NOT-BILLABLE");

        TestClaim unknown = new TestClaim();
        unknown.charges.set(1, TestClaim.charge(2, "87880", "QQ"));
        unknown.charges.set(0, TestClaim.charge(1, "99213", TestClaim.DAY, "98", "1245319599"));
        assertThat(evaluator.evaluate(unknown.build())).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("CODE-MODIFIER-UNKNOWN", "CODE-POS-UNKNOWN");
    }
}
