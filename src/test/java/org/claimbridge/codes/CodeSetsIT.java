package org.claimbridge.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.claimbridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class CodeSetsIT {

    // later than every date of service the other tests ask about, so test order does not matter
    private static final LocalDate BEFORE_IMPORT = LocalDate.of(2026, 12, 31);
    private static final LocalDate IMPORT_EFFECTIVE = LocalDate.of(2027, 1, 1);

    @Autowired
    CodeSets codeSets;

    @Autowired
    CodeSetStartup startup;

    @TempDir
    Path dir;

    @Test
    void theShippedSubsetIsLoadedAtStartUpAndAnswersLookUps() {
        LocalDate dos = LocalDate.of(2026, 11, 4);
        assertThat(codeSets.isLoaded(CodeSet.ICD10CM)).isTrue();
        assertThat(codeSets.icd10cm("M17.11")).get().extracting(Code::description)
                .isEqualTo("Unilateral primary osteoarthritis, right knee");
        assertThat(codeSets.icd10cm("S83511A")).get().extracting(Code::display).isEqualTo("S83.511A");
        assertThat(codeSets.isBillable("E11.9", dos)).isTrue();
        assertThat(codeSets.isBillable("E11", dos)).as("a category header").isFalse();
        assertThat(codeSets.icd10cm("E11", dos)).isPresent();
        assertThat(codeSets.icd10cm("E11.99", dos)).isEmpty();
        assertThat(codeSets.isBillable("E11.9", LocalDate.of(2014, 1, 1))).as("before ICD-10").isFalse();
        assertThat(codeSets.hcpcs("J1030", dos)).get().extracting(Code::shortDescription)
                .isEqualTo("Methylprednisolone 40 mg inj");
        assertThat(codeSets.pos("11", dos)).get().extracting(Code::description).isEqualTo("Office");
        assertThat(codeSets.modifier("xu", dos)).isPresent();
        assertThat(List.of("25", "59", "XE", "XS", "XP", "XU", "26", "TC", "LT", "RT", "50", "51", "76", "77",
                "91", "JW")).allMatch(m -> codeSets.validOn(CodeSet.MODIFIER, m, dos));
        assertThat(codeSets.isLoaded(CodeSet.ICD10PCS)).isFalse();
    }

    @Test
    void everyDiagnosisAndLevelIICodeInTheSampleFeedsIsInTheShippedSubset() throws Exception {
        LocalDate dos = LocalDate.of(2026, 11, 4);
        List<String[]> segments;
        try (var files = Files.walk(Path.of("sample-feeds"))) {
            segments = files.filter(f -> f.toString().endsWith(".hl7"))
                    .flatMap(f -> {
                        try {
                            return Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1)
                                    .lines();
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(l -> l.split("\\|", -1)).toList();
        }
        List<String> diagnoses = segments.stream().filter(f -> f[0].equals("DG1") && f.length > 3)
                .map(f -> f[3].split("\\^")[0]).filter(c -> !c.isEmpty()).distinct().toList();
        List<String> hcpcs = segments.stream().filter(f -> f[0].equals("FT1") && f.length > 25)
                .map(f -> f[25].split("\\^")[0]).filter(CodeFormats::isHcpcsLevelII).distinct().toList();
        assertThat(diagnoses).contains("E11.9", "S83.511A");
        assertThat(diagnoses).allMatch(d -> codeSets.isBillable(d, dos), "billable on " + dos);
        assertThat(hcpcs).contains("J1030").allMatch(c -> codeSets.validOn(CodeSet.HCPCS, c, dos));
    }

    @Test
    void startingAgainLoadsNothingTwice() {
        long loads = codeSets.history(CodeSet.POS, "11").size();
        startup.loadShipped();
        assertThat(codeSets.history(CodeSet.POS, "11")).hasSize((int) loads);
    }

    @Test
    void anImportEndDatesThePreviousVersionAndKeepsItsHistory() throws Exception {
        // R05 "Cough" became a header (R05.1, R05.9) in FY2022; here a made-up January update splits P59.9 likewise,
        // drops Z23 and adds a new leaf, to see each kind of change. The modifier set is imported alongside.
        Path order = dir.resolve("icd10cm-order-2027-01.txt");
        Files.write(order, List.of(
                Icd10OrderFileTest.line(1, "E11", 0, "Type 2 diabetes mellitus", "Type 2 diabetes mellitus"),
                Icd10OrderFileTest.line(2, "E119", 1, "Type 2 diabetes mellitus without complications",
                        "Type 2 diabetes mellitus without complications"),
                Icd10OrderFileTest.line(3, "P599", 0, "Neonatal jaundice, unspecified", "Neonatal jaundice,"
                        + " unspecified"),
                Icd10OrderFileTest.line(4, "P5991", 1, "Neonatal jaundice, test leaf", "Neonatal jaundice, test"
                        + " leaf")));
        Path modifiers = dir.resolve("modifiers.csv");
        Files.writeString(modifiers, "code,description\n25,Separate E/M\nZZ,Test modifier\n");

        startup.importFiles(new CodesProperties.Import(order, null, null, null, modifiers, null, null, IMPORT_EFFECTIVE,
                "2027-01 test update"));

        assertThat(codeSets.isBillable("E11.9", BEFORE_IMPORT)).isTrue();
        assertThat(codeSets.isBillable("E11.9", IMPORT_EFFECTIVE)).isTrue();
        assertThat(codeSets.history(CodeSet.ICD10CM, "E11.9")).hasSize(2)
                .extracting(Code::effectiveTo).containsExactly(BEFORE_IMPORT, null);

        assertThat(codeSets.isBillable("P59.9", BEFORE_IMPORT)).as("a leaf until the update").isTrue();
        assertThat(codeSets.isBillable("P59.9", IMPORT_EFFECTIVE)).as("a header after it").isFalse();
        assertThat(codeSets.validOn(CodeSet.ICD10CM, "P59.91", BEFORE_IMPORT)).isFalse();
        assertThat(codeSets.isBillable("P59.91", IMPORT_EFFECTIVE)).isTrue();

        assertThat(codeSets.validOn(CodeSet.ICD10CM, "Z23", BEFORE_IMPORT)).isTrue();
        assertThat(codeSets.validOn(CodeSet.ICD10CM, "Z23", IMPORT_EFFECTIVE)).as("dropped").isFalse();
        assertThat(codeSets.icd10cm("Z23")).get().extracting(Code::effectiveTo).isEqualTo(BEFORE_IMPORT);

        assertThat(codeSets.modifier("ZZ", IMPORT_EFFECTIVE)).isPresent();
        assertThat(codeSets.modifier("59", IMPORT_EFFECTIVE)).isEmpty();
        assertThat(codeSets.modifier("59", BEFORE_IMPORT)).isPresent();

        // the same files again (a restart with the import properties still set) change nothing
        startup.importFiles(new CodesProperties.Import(order, null, null, null, modifiers, null, null, IMPORT_EFFECTIVE,
                null));
        assertThat(codeSets.history(CodeSet.ICD10CM, "E11.9")).hasSize(2);

        // a different file may not go back in time
        Path older = dir.resolve("older.txt");
        Files.write(older, List.of(Icd10OrderFileTest.line(1, "I10", 1, "Hypertension", "Hypertension")));
        assertThatThrownBy(() -> startup.importFiles(new CodesProperties.Import(older, null, null, null, null, null, null,
                IMPORT_EFFECTIVE, null)))
                .hasMessageContaining("a new version must take effect after it");
    }

    @Test
    void aMalformedImportFileNamesFileAndLineAndChangesNothing() throws Exception {
        Path bad = dir.resolve("bad.txt");
        Files.write(bad, List.of(Icd10OrderFileTest.line(1, "I10", 1, "Hypertension", "Hypertension"),
                "garbage"));
        assertThatThrownBy(() -> startup.importFiles(new CodesProperties.Import(bad, null, null, null, null, null, null,
                LocalDate.of(2030, 1, 1), null)))
                .isInstanceOf(CodeFileException.class)
                .hasMessageStartingWith(bad + " line 2: ");
        assertThat(codeSets.history(CodeSet.ICD10CM, "I10"))
                .noneMatch(c -> c.effectiveFrom().equals(LocalDate.of(2030, 1, 1)));
    }
}
