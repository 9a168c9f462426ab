package org.claimbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Hl7BatchTest {

    private static final String A = "MSH|^~\\&|EHR|FAMPRAC|CB|CB|20261103091500||ADT^A04|A-1|P|2.5.1\rPID|1||FP1\rPV1|1|O";
    private static final String B = "MSH|^~\\&|EHR|FAMPRAC|CB|CB|20261103091600||ADT^A08|B-1|P|2.5.1\rPID|1||FP1";
    private static final String C = "MSH|^~\\&|EHR|FAMPRAC|CB|CB|20261103091700||DFT^P03|C-1|P|2.5.1\rPID|1||FP1\rFT1|1";

    private static String text(Hl7Batch.Part part) {
        return new String(part.bytes(), StandardCharsets.ISO_8859_1);
    }

    private static Hl7Batch split(String text) {
        return Hl7Batch.split(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r", "\n", "\r\n"})
    void splitsMessagesWhateverTheLineEndingAndKeepsEachOnesBytes(String ending) {
        String file = String.join(ending, A.split("\r")) + ending + String.join(ending, B.split("\r")) + ending
                + String.join(ending, C.split("\r")) + ending;
        Hl7Batch batch = split(file);
        assertThat(batch.parts()).hasSize(3);
        assertThat(batch.problems()).isEmpty();
        assertThat(batch.parts()).extracting(Hl7Batch.Part::number).containsExactly(1, 2, 3);
        assertThat(batch.parts()).noneMatch(Hl7Batch.Part::garbage);
        assertThat(text(batch.parts().get(0))).isEqualTo(String.join(ending, A.split("\r")) + ending);
        assertThat(text(batch.parts().get(2))).startsWith("MSH").contains("DFT^P03").endsWith("FT1|1" + ending);
    }

    @Test
    void aSingleMessageWithoutAFinalLineEndingIsOnePart() {
        Hl7Batch batch = split(A);
        assertThat(batch.parts()).singleElement().satisfies(p -> assertThat(text(p)).isEqualTo(A));
        assertThat(batch.problems()).isEmpty();
    }

    @Test
    void blankLinesBetweenAndAfterMessagesAreNotMessages() {
        Hl7Batch batch = split("\n\n" + A.replace('\r', '\n') + "\n\n   \n" + B.replace('\r', '\n') + "\n\n\n");
        assertThat(batch.parts()).hasSize(2);
        assertThat(text(batch.parts().get(0))).endsWith("PV1|1|O\n");
        assertThat(text(batch.parts().get(1))).endsWith("PID|1||FP1\n");
        assertThat(batch.problems()).isEmpty();
    }

    @Test
    void mixedLineEndingsInOneFile() {
        Hl7Batch batch = split(A.replace("\r", "\r\n") + "\r\n" + B.replace("\r", "\n") + "\n" + C + "\r");
        assertThat(batch.parts()).hasSize(3).noneMatch(Hl7Batch.Part::garbage);
    }

    @Test
    void aUtf8ByteOrderMarkIsNotGarbage() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bom);
        out.writeBytes((A + "\r" + B + "\r").getBytes(StandardCharsets.UTF_8));
        Hl7Batch batch = Hl7Batch.split(out.toByteArray());
        assertThat(batch.parts()).hasSize(2).noneMatch(Hl7Batch.Part::garbage);
        assertThat(text(batch.parts().get(0))).startsWith("MSH|");
        assertThat(batch.problems()).isEmpty();
    }

    @Test
    void garbageBeforeTheFirstMshIsAPartOfItsOwnAndReported() {
        Hl7Batch batch = split("Exported by PracticeSuite 9\r\nrows: 2\r\n" + A.replace("\r", "\r\n") + "\r\n");
        assertThat(batch.parts()).hasSize(2);
        Hl7Batch.Part garbage = batch.parts().get(0);
        assertThat(garbage.garbage()).isTrue();
        assertThat(text(garbage)).isEqualTo("Exported by PracticeSuite 9\r\nrows: 2\r\n");
        assertThat(batch.parts().get(1).garbage()).isFalse();
        assertThat(batch.messageCount()).isEqualTo(1);
        assertThat(batch.problems()).singleElement().asString().contains("part 1").contains("outside any message");
    }

    @Test
    void garbageAfterABatchTrailerIsKeptToo() {
        Hl7Batch batch = split("BHS|^~\\&|EHR|ORTHOGRP\n" + A.replace('\r', '\n') + "\nBTS|1\ntrailing junk\n");
        assertThat(batch.parts()).hasSize(2);
        assertThat(batch.parts().get(1).garbage()).isTrue();
        assertThat(text(batch.parts().get(1))).isEqualTo("trailing junk\n");
    }

    @Test
    void fhsBhsBatchWithMatchingCountsIsClean() {
        String file = "FHS|^~\\&|EHR|ORTHOGRP|CB|CB|20261104\nBHS|^~\\&|EHR|ORTHOGRP|CB|CB|20261104\n"
                + A.replace('\r', '\n') + "\n" + B.replace('\r', '\n') + "\nBTS|2\nBHS|^~\\&|EHR|ORTHOGRP\n"
                + C.replace('\r', '\n') + "\nBTS|1\nFTS|2\n";
        Hl7Batch batch = split(file);
        assertThat(batch.parts()).hasSize(3).noneMatch(Hl7Batch.Part::garbage);
        assertThat(batch.problems()).isEmpty();
        // envelope segments belong to no message
        assertThat(batch.parts()).allSatisfy(p -> assertThat(text(p)).startsWith("MSH").doesNotContain("BTS")
                .doesNotContain("BHS"));
        assertThat(text(batch.parts().get(1))).endsWith("PID|1||FP1\n");
    }

    @Test
    void batchAndFileCountsThatDoNotMatchAreReported() {
        String file = "FHS|^~\\&|EHR|ORTHOGRP\rBHS|^~\\&|EHR|ORTHOGRP\r" + A + "\r" + B + "\rBTS|3\rFTS|2\r";
        Hl7Batch batch = split(file);
        assertThat(batch.parts()).hasSize(2);
        assertThat(batch.problems()).containsExactly("batch 1: BTS-1 says 3 message(s), 2 found",
                "file: FTS-1 says 2 batch(es), 1 found");
    }

    @Test
    void aBatchCutShortIsReported() {
        Hl7Batch batch = split("FHS|^~\\&|EHR|ORTHOGRP\rBHS|^~\\&|EHR|ORTHOGRP\r" + A + "\r");
        assertThat(batch.parts()).hasSize(1);
        assertThat(batch.problems()).containsExactly("batch 1 has no BTS: the file may be cut short",
                "FHS without FTS: the file may be cut short");
    }

    @Test
    void trailersWithoutCountsAndNonNumericCounts() {
        assertThat(split("BHS|^~\\&\r" + A + "\rBTS\r").problems()).isEmpty();
        assertThat(split("BHS|^~\\&\r" + A + "\rBTS||comment\r").problems()).isEmpty();
        assertThat(split("BHS|^~\\&\r" + A + "\rBTS|one\r").problems()).singleElement().asString()
                .contains("not a number");
    }

    @Test
    void theBatchSeparatorIsTheOneItsHeaderDeclares() {
        Hl7Batch batch = split("BHS#^~\\&\r" + A + "\rBTS#1\r");
        assertThat(batch.problems()).isEmpty();
        assertThat(split("BHS#^~\\&\r" + A + "\rBTS#4\r").problems()).hasSize(1);
    }

    @Test
    void latin1BytesOfOneMessageAreLeftAsTheyAre() {
        byte[] latin = (A.replace("FP1", "FP1\rPID|1||X||Lef\u00e8vre^Ren\u00e9e")).getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(latin);
        out.write('\n');
        out.writeBytes(B.getBytes(StandardCharsets.UTF_8));
        Hl7Batch batch = Hl7Batch.split(out.toByteArray());
        assertThat(batch.parts()).hasSize(2);
        assertThat(batch.parts().get(0).bytes()).hasSize(latin.length + 1).contains((byte) 0xE8);
    }

    @Test
    void emptyAndBlankInputHoldsNoParts() {
        assertThat(Hl7Batch.split(new byte[0]).parts()).isEmpty();
        assertThat(split("\r\n\r\n  \n").parts()).isEmpty();
        assertThat(split("FHS|^~\\&\rFTS|0\r").parts()).isEmpty();
        assertThat(split("FHS|^~\\&\rFTS|0\r").problems()).isEmpty();
    }

    @Test
    void segmentsThatMerelyStartWithMshLettersAreNotMessageStarts() {
        Hl7Batch batch = split(A + "\rMSHX is not a segment\r");
        assertThat(batch.parts()).hasSize(1);
        assertThat(List.of(text(batch.parts().get(0)).split("\r"))).hasSize(4);
    }
}
