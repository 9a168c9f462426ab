package org.claimbridge.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The demo profile's claim settings and chargemaster, bound and checked as a start would do. */
class PracticeDemoSettingsTest {

    private static Binder demo() throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("demo",
                new ClassPathResource("application-demo.yml"))) {
            sources.addLast(source);
        }
        return new Binder(ConfigurationPropertySources.from(sources));
    }

    @Test
    void theDemoSendsEveryPayerToAvailityInTestModeWithMedicarePartBFiledAsMb() throws IOException {
        ClaimReceivers receivers = new ClaimReceivers(demo().bind("claimbridge.claims",
                ClaimSubmissionProperties.class).get());

        assertThat(receivers.all()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("AVAILITY");
            assertThat(r.usage()).isEqualTo('T');
            assertThat(r.delimiters()).isEqualTo(Delimiters.STANDARD);
            assertThat(r.payers()).containsExactly("*");
        });
        assertThat(receivers.submitter().name()).isEqualTo("Claimbridge Billing Services");
        assertThat(receivers.submitter().contactPhone()).isEqualTo("2175550100");
        assertThat(receivers.filingIndicator("06102")).isEqualTo("MB");
        assertThat(receivers.filingIndicator("00621")).isEqualTo("BL");
        assertThat(receivers.filingIndicator("62308")).isEqualTo("CI");
    }

    @Test
    void theDemoGivesMercyItsChargemasterAndALockbox() throws IOException {
        PracticeProperties properties = demo().bind("claimbridge", PracticeProperties.class).get();
        PracticeSetup.check(properties.practices());
        PracticeProperties.Configured mercy = properties.practices().stream()
                .filter(p -> p.sendingFacility().equals("MERCYOP")).findFirst().orElseThrow();

        assertThat(mercy.chargemaster()).isEqualTo(Path.of("sample-feeds/mercyop/chargemaster.csv"));
        assertThat(ChargemasterFile.read(mercy.chargemaster(), mercy.chargemaster().toString(), mercy.kind()))
                .hasSizeGreaterThan(5);
        assertThat(mercy.payToAddressLine()).isEqualTo("PO Box 4410");
    }
}
