package org.claimbridge.scrub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.claimbridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The running application picks up edited rule files on its own schedule, and keeps the last good set. */
@IntegrationTest
class RuleReloadIT {

    static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("claim-rules-it");
            Files.copy(Path.of("claim-rules", "identifiers.yaml"), DIR.resolve("identifiers.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void rules(DynamicPropertyRegistry registry) {
        registry.add("claimbridge.rules.dir", DIR::toString);
        registry.add("claimbridge.rules.reload-interval", () -> "200ms");
    }

    @Autowired
    RuleSets ruleSets;
    @Autowired
    RuleEvaluator evaluator;

    @Test
    void editedFilesAreLoadedWithoutARestart() throws IOException {
        RuleSet first = ruleSets.current();
        assertThat(first.ruleIds()).contains("ID-TIN-FORMAT").doesNotContain("REQ-CHARGE");

        Files.copy(Path.of("claim-rules", "required-data.yaml"), DIR.resolve("required-data.yaml"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !ruleSets.current().version().equals(first.version()));
        RuleSet second = ruleSets.current();
        assertThat(second.ruleIds()).contains("ID-TIN-FORMAT", "REQ-CHARGE");

        Files.writeString(DIR.resolve("broken.yaml"), "family: broken\nrules:\n  - id: B-1\n    severity: loud\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> !ruleSets.lastLoad().succeeded());
        assertThat(ruleSets.lastLoad().errors()).anySatisfy(e -> {
            assertThat(e.file()).isEqualTo("broken.yaml");
            assertThat(e.ruleId()).isEqualTo("B-1");
        });
        assertThat(ruleSets.current()).isSameAs(second);

        TestClaim claim = new TestClaim();
        claim.tin = "bad";
        assertThat(evaluator.evaluate(claim.build())).extracting(Finding::ruleId, Finding::ruleSetVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ID-TIN-FORMAT", second.version()));
    }
}
