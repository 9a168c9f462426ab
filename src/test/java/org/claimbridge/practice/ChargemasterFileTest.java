package org.claimbridge.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChargemasterFileTest {

    private static final String HEADER = "transaction_code,procedure_code,revenue_code,price,description\n";

    private static List<ChargemasterFile.Entry> parse(String text) {
        return ChargemasterFile.parse("cm.csv", text, PracticeKind.INSTITUTIONAL);
    }

    private static String problemOf(String text, PracticeKind kind) {
        try {
            ChargemasterFile.parse("cm.csv", text, kind);
        } catch (ChargemasterFileException e) {
            return e.getMessage();
        }
        throw new AssertionError("no problem reported");
    }

    private static String problemOf(String text) {
        return problemOf(text, PracticeKind.INSTITUTIONAL);
    }

    @Test
    void readsItemsWithTheirLinesSkippingCommentsAndBlankLines() {
        List<ChargemasterFile.Entry> entries = parse("# our chargemaster\n" + HEADER
                + "OR29881,29881,0360,6840.00,Knee arthroscopy\n"
                + "\n"
                + "LAB85025,85025,0305,46,\"Blood count, complete\"\n"
                + "SUPSTER,,0272,35.5,\n");

        assertThat(entries).extracting(ChargemasterFile.Entry::line).containsExactly(3, 5, 6);
        assertThat(entries.get(0).item()).isEqualTo(new ChargemasterItem("OR29881", "29881", "0360",
                new BigDecimal("6840.00"), "Knee arthroscopy"));
        assertThat(entries.get(1).item().description()).as("quoted, with a comma").isEqualTo("Blood count, complete");
        assertThat(entries.get(1).item().price()).isEqualByComparingTo("46");
        assertThat(entries.get(2).item().procedureCode()).as("revenue code only").isNull();
        assertThat(entries.get(2).item().description()).isNull();
    }

    @Test
    void aByteOrderMarkAndAnUpperCaseHeaderAreAccepted() {
        assertThat(parse("\uFEFF" + HEADER.toUpperCase() + "A1,99213,0510,100.00,Visit\n")).hasSize(1);
    }

    @Test
    void aProfessionalPracticeMayLeaveTheRevenueCodeEmptyAnInstitutionalOneMayNot() {
        String row = HEADER + "OV99213,99213,,95.00,Office visit\n";
        assertThat(ChargemasterFile.parse("cm.csv", row, PracticeKind.PROFESSIONAL).get(0).item().revenueCode())
                .isNull();
        assertThat(problemOf(row)).isEqualTo("cm.csv line 2, revenue_code: is empty; every line of an institutional"
                + " claim needs one");
    }

    @Test
    void aRowWithoutTransactionCodeIsRefusedNamingFileLineAndField() {
        assertThat(problemOf(HEADER + "A1,99213,0510,1.00,x\n,36415,0300,24.00,Venipuncture\n"))
                .isEqualTo("cm.csv line 3, transaction_code: is empty");
    }

    @Test
    void aRevenueCodeMustBeFourDigitsAndAThreeDigitOneGetsAHint() {
        assertThat(problemOf(HEADER + "LAB36415,36415,300,24.00,Venipuncture\n"))
                .isEqualTo("cm.csv line 2, revenue_code: '300' is not 4 digits (a spreadsheet may have dropped the"
                        + " leading zero: 0300)");
        assertThat(problemOf(HEADER + "LAB36415,36415,03A0,24.00,Venipuncture\n"))
                .isEqualTo("cm.csv line 2, revenue_code: '03A0' is not 4 digits");
    }

    @Test
    void aPriceMustBeANonNegativeAmountWithAtMostTwoDecimals() {
        for (String price : List.of("-1.00", "12.345", "abc", "", "1e3", "$5.00", "12345678901")) {
            assertThat(problemOf(HEADER + "A1,99213,0510," + price + ",Visit\n")).as(price)
                    .startsWith("cm.csv line 2, price: '" + price + "' is not an amount of 0 or more");
        }
        assertThat(parse(HEADER + "A1,99213,0510,0,Free\n").get(0).item().price()).isZero();
    }

    @Test
    void aTransactionCodeListedTwiceIsRefusedWithBothLines() {
        assertThat(problemOf(HEADER + "A1,99213,0510,1.00,x\nB2,99214,0510,2.00,y\nA1,99215,0510,3.00,z\n"))
                .isEqualTo("cm.csv line 4, transaction_code: 'A1' is listed again (first on line 2)");
    }

    @Test
    void aProcedureCodeMustBeCptOrHcpcsInUpperCase() {
        assertThat(problemOf(HEADER + "RX1,j2405,0636,9.00,Ondansetron\n"))
                .startsWith("cm.csv line 2, procedure_code: 'j2405' is not a CPT or HCPCS code in upper case");
    }

    @Test
    void everyBadRowIsReportedAtOnce() {
        String message = problemOf(HEADER + ",36415,0300,24.00,a\nB,36415,300,24.00,b\nC,36415,0300,-2,c\nD,1\n");

        assertThat(message).startsWith("cm.csv: 4 problems")
                .contains("cm.csv line 2, transaction_code: is empty")
                .contains("cm.csv line 3, revenue_code: '300'")
                .contains("cm.csv line 4, price: '-2'")
                .contains("cm.csv line 5: has 2 values, expected 5");
    }

    @Test
    void aWrongHeaderOrAnEmptyFileIsRefused() {
        assertThat(problemOf("code,cpt,rev,price,desc\nA1,99213,0510,1.00,x\n"))
                .isEqualTo("cm.csv line 1: header is code,cpt,rev,price,desc, expected"
                        + " transaction_code,procedure_code,revenue_code,price,description");
        assertThat(problemOf("# nothing yet\n")).startsWith("cm.csv: is empty");
    }

    @Test
    void aMissingOrNonUtf8FileIsRefusedNamingIt(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> ChargemasterFile.read(dir.resolve("none.csv"), "cfg/none.csv",
                PracticeKind.INSTITUTIONAL))
                .isInstanceOf(ChargemasterFileException.class).hasMessageStartingWith("cfg/none.csv: no such file");
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, (HEADER + "A1,99213,0510,1.00,Peña\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ChargemasterFile.read(latin1, "latin1.csv", PracticeKind.INSTITUTIONAL))
                .hasMessage("latin1.csv: is not UTF-8 text (save it as CSV UTF-8)");
    }

    @Test
    void theMercyChargemasterCoversTheFeedsChargeCodesAtTheFeedsPrices() {
        Map<String, ChargemasterItem> items = ChargemasterFile.read(Path.of("sample-feeds/mercyop/chargemaster.csv"),
                        "chargemaster.csv", PracticeKind.INSTITUTIONAL).stream()
                .map(ChargemasterFile.Entry::item)
                .collect(Collectors.toMap(ChargemasterItem::transactionCode, i -> i));

        assertThat(items.get("OR29881")).isEqualTo(new ChargemasterItem("OR29881", "29881", "0360",
                new BigDecimal("6840.00"), "Knee arthroscopy w/ medial meniscectomy"));
        assertThat(items.get("LAB36415")).extracting("procedureCode", "revenueCode", "price")
                .containsExactly("36415", "0300", new BigDecimal("24.00"));
        assertThat(items.get("LAB80053")).extracting("procedureCode", "revenueCode", "price")
                .containsExactly("80053", "0301", new BigDecimal("118.00"));
        assertThat(items.get("EKG93005")).extracting("procedureCode", "revenueCode", "price")
                .containsExactly("93005", "0730", new BigDecimal("165.00"));
        assertThat(items.get("RXJ2405")).as("per unit: the feed bills 4 units for 36.00")
                .extracting("procedureCode", "revenueCode", "price")
                .containsExactly("J2405", "0636", new BigDecimal("9.00"));
        assertThat(items).hasSizeGreaterThan(5);
    }
}
