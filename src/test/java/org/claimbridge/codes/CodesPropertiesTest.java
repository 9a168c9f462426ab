package org.claimbridge.codes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The import is named on the command line as {@code claimbridge.codes.import.*}; "import" is a Java keyword. */
class CodesPropertiesTest {

    @Test
    void importFilesBindFromTheDocumentedNames() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "claimbridge.codes.import.icd10cm", "/data/icd10cm_order_2026.txt",
                "claimbridge.codes.import.effective", "2025-10-01")));
        CodesProperties properties = binder.bindOrCreate("claimbridge.codes", CodesProperties.class);
        assertThat(properties.importFiles().icd10cm()).isEqualTo(Path.of("/data/icd10cm_order_2026.txt"));
        assertThat(properties.importFiles().effective()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(properties.shipped()).isTrue();
        assertThat(properties.shippedEffective()).isEqualTo(LocalDate.of(2015, 10, 1));
    }
}
