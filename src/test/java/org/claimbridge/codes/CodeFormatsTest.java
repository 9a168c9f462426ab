package org.claimbridge.codes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CodeFormatsTest {

    @ParameterizedTest
    @ValueSource(strings = {"I10", "E11.9", "E119", "S83.511A", "S83511A", "M1A.0110", "U07.1", "Z00.129"})
    void icd10cmWithOrWithoutTheDot(String code) {
        assertThat(CodeFormats.isIcd10cm(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "E1", "E11.", "E11.95A12", "1E11", "EE1.9", "e11.9", "E1.19", "99213"})
    void notIcd10cm(String code) {
        assertThat(CodeFormats.isIcd10cm(code)).isFalse();
    }

    @Test
    void procedureCodes() {
        assertThat(CodeFormats.isCpt("99204")).isTrue();
        assertThat(CodeFormats.isCpt("3078F")).isTrue();
        assertThat(CodeFormats.isCpt("0075T")).isTrue();
        assertThat(CodeFormats.isCpt("9920")).isFalse();
        assertThat(CodeFormats.isCpt("J1030")).isFalse();
        assertThat(CodeFormats.isHcpcsLevelII("J1030")).isTrue();
        assertThat(CodeFormats.isHcpcsLevelII("J103")).isFalse();
        assertThat(CodeFormats.isProcedure("G0008")).isTrue();
        assertThat(CodeFormats.isProcedure("NP204")).isFalse();
        assertThat(CodeFormats.isProcedure(null)).isFalse();
    }

    @Test
    void modifiersAndPlaceOfService() {
        assertThat(List.of("25", "59", "XE", "TC", "LT")).allMatch(CodeFormats::isModifier);
        assertThat(List.of("2", "259", "x e", "")).noneMatch(CodeFormats::isModifier);
        assertThat(CodeFormats.isPlaceOfService("11")).isTrue();
        assertThat(CodeFormats.isPlaceOfService("1")).isFalse();
    }

    @Test
    void icdCodesAreStoredWithoutTheDot() {
        assertThat(CodeSet.ICD10CM.normalize(" e11.9 ")).isEqualTo("E119");
        assertThat(CodeSet.MODIFIER.normalize("xe")).isEqualTo("XE");
    }

    @Test
    void hcpcsContinuationLinesJoinTheLongDescription() {
        String text = String.format("%-5s%05d%s%-80s%-28s%n%-5s%05d%s%s%n", "E0114", 100, "3",
                "Crutches underarm, other than wood, adjustable or fixed, pair, with pads, tips", "Crutch underarm",
                "E0114", 200, "4", "and handgrips")
                + String.format("%-5s%05d%s%-80s%n", "99213", 100, "3", "a CPT line to skip")
                + String.format("%-5s%05d%s%-80s%n", "   25", 100, "7", "a modifier line to skip");
        List<CodeRow> rows = HcpcsFile.read(new CodeSource("hcpcs.txt", text.getBytes(StandardCharsets.US_ASCII)));
        assertThat(rows).containsExactly(new CodeRow("E0114", true, "Crutch underarm",
                "Crutches underarm, other than wood, adjustable or fixed, pair, with pads, tips and handgrips", 1));
    }

    @Test
    void simpleCsvSplitsAtTheFirstComma() {
        String text = "# comment\ncode,description\nXE,Separate encounter, distinct\n\n11,Office\n";
        List<CodeRow> rows = SimpleCodeCsv.read(new CodeSource("m.csv", text.getBytes(StandardCharsets.UTF_8)));
        assertThat(rows).extracting(CodeRow::code, CodeRow::description)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("XE", "Separate encounter, distinct"),
                        org.assertj.core.groups.Tuple.tuple("11", "Office"));
    }
}
