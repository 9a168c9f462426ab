package org.claimbridge.demo.payer;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PayerSimulatorPropertiesTest {

    @Test
    void offByDefaultWithTheDocumentedDefaults() {
        PayerSimulatorProperties properties = bind(Map.of());

        assertThat(properties.enabled()).isFalse();
        assertThat(properties.seed()).isEqualTo(42);
        assertThat(properties.rejectRate()).isEqualTo(0.05);
        assertThat(properties.denialRate()).isEqualTo(0.15);
        assertThat(properties.carcMix()).containsOnlyKeys("16", "31", "50", "97", "29", "197");
        assertThat(properties.contractualRate()).isEqualByComparingTo("0.35");
        assertThat(properties.coinsuranceRate()).isEqualByComparingTo("0.2");
        assertThat(properties.providerAdjustmentRate()).isEqualTo(0.1);
        assertThat(properties.pollInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties).isEqualTo(PayerSimulatorProperties.defaults());
    }

    @Test
    void bindsTheDemoProfilesSettings() {
        PayerSimulatorProperties properties = bind(Map.of(
                "claimbridge.payer-simulator.enabled", "true",
                "claimbridge.payer-simulator.seed", "7",
                "claimbridge.payer-simulator.reject-rate", "0.1",
                "claimbridge.payer-simulator.denial-rate", "0.25",
                "claimbridge.payer-simulator.carc-mix.16", "3",
                "claimbridge.payer-simulator.carc-mix.204", "1",
                "claimbridge.payer-simulator.remarks.204[0]", "N130",
                "claimbridge.payer-simulator.contractual-rate", "0.4",
                "claimbridge.payer-simulator.poll-interval", "2s"));

        assertThat(properties.enabled()).isTrue();
        assertThat(properties.seed()).isEqualTo(7);
        assertThat(properties.rejectRate()).isEqualTo(0.1);
        assertThat(properties.denialRate()).isEqualTo(0.25);
        assertThat(properties.carcMix()).containsExactly(Map.entry("16", 3), Map.entry("204", 1));
        assertThat(properties.remarks()).containsEntry("204", List.of("N130"));
        assertThat(properties.contractualRate()).isEqualByComparingTo(new BigDecimal("0.4"));
        assertThat(properties.pollInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aShareOutsideZeroToOneOrAMixWithoutWeightIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> bind(Map.of("claimbridge.payer-simulator.denial-rate", "1.5")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("claimbridge.payer-simulator.denial-rate '1.5'");
        assertThatThrownBy(() -> bind(Map.of("claimbridge.payer-simulator.carc-mix.16", "0")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("claimbridge.payer-simulator.carc-mix");
    }

    private static PayerSimulatorProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("claimbridge.payer-simulator", PayerSimulatorProperties.class);
    }
}
