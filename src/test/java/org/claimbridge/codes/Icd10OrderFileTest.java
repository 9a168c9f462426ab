package org.claimbridge.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class Icd10OrderFileTest {

    static String line(int order, String code, int flag, String shortText, String longText) {
        return String.format("%05d %-7s %d %-60s %s", order, code, flag, shortText, longText);
    }

    private static CodeSource file(String... lines) {
        return new CodeSource("order.txt", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void readsHeadersAndBillableLeavesFromTheFixedColumns() {
        List<CodeRow> rows = Icd10OrderFile.read(file(
                line(1, "E11", 0, "Type 2 diabetes mellitus", "Type 2 diabetes mellitus"),
                line(2, "E119", 1, "Type 2 diabetes mellitus without complications",
                        "Type 2 diabetes mellitus without complications"),
                ""));
        assertThat(rows).containsExactly(
                new CodeRow("E11", false, "Type 2 diabetes mellitus", "Type 2 diabetes mellitus", 1),
                new CodeRow("E119", true, "Type 2 diabetes mellitus without complications",
                        "Type 2 diabetes mellitus without complications", 2));
    }

    @Test
    void aSevenCharacterCodeFillsItsColumns() {
        CodeRow row = Icd10OrderFile.parse("f", 1, line(9, "S83511A", 1, "Sprain of ACL of right knee, init",
                "Sprain of anterior cruciate ligament of right knee, initial encounter"));
        assertThat(row.code()).isEqualTo("S83511A");
        assertThat(row.description()).endsWith("initial encounter");
    }

    @Test
    void theShippedSubsetReadsWithoutError() throws Exception {
        byte[] content = java.nio.file.Files.readAllBytes(
                java.nio.file.Path.of("claim-rules/codes/icd10cm-order-subset.txt"));
        List<CodeRow> rows = CodeLoader.rowsOf(CodeSet.ICD10CM, new CodeSource("subset", content));
        assertThat(rows).hasSizeGreaterThan(60);
        assertThat(rows).filteredOn(r -> r.code().equals("E11")).singleElement()
                .extracting(CodeRow::billable).isEqualTo(false);
    }

    @Test
    void aBadFlagIsNamedWithFileAndLine() {
        String bad = line(2, "E119", 1, "x", "y").substring(0, 14) + "X" + line(2, "E119", 1, "x", "y").substring(15);
        assertThatThrownBy(() -> Icd10OrderFile.read(file(line(1, "E11", 0, "a", "b"), bad)))
                .isInstanceOf(CodeFileException.class)
                .hasMessage("order.txt line 2: header/valid flag (column 15) of E119 is 'X', not 0 or 1");
    }

    @Test
    void aShortLineIsNamedWithFileAndLine() {
        assertThatThrownBy(() -> Icd10OrderFile.read(file("00001 E11     0 Type 2")))
                .isInstanceOf(CodeFileException.class)
                .hasMessageStartingWith("order.txt line 1: is 22 characters long");
    }

    @Test
    void aCommaSeparatedFileIsNotTakenForAnOrderFile() {
        assertThatThrownBy(() -> Icd10OrderFile.read(file("E119,Type 2 diabetes mellitus without complications,"
                + " a line long enough to reach column seventy-eight")))
                .isInstanceOf(CodeFileException.class)
                .hasMessageContaining("order.txt line 1: order number (columns 1-5)");
    }

    @Test
    void aCodeListedTwiceIsRefused() {
        assertThatThrownBy(() -> CodeLoader.rowsOf(CodeSet.ICD10CM,
                file(line(1, "E119", 1, "a", "b"), line(2, "E119", 1, "a", "b"))))
                .isInstanceOf(CodeFileException.class)
                .hasMessage("order.txt line 2: code E119 is listed again (first on line 1)");
    }
}
