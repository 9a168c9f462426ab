package org.claimbridge.intake;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentTableTest {

    private static final String TEXT = "MSH|^~\\&|EHR|FAMPRAC|CB|CBRCM|20261120090000||DFT^P03|C1|P|2.5.1\r"
            + "PID|1||M100^^^FAMPRAC^MR||Doe^Jane\rZPX|a||b\r";

    @Test
    void fieldsAreNumberedAsHl7NumbersThemAndNamedByHapisStructures() {
        List<SegmentTable.Row> rows = SegmentTable.of(TEXT);
        assertThat(rows).extracting(SegmentTable.Row::label).containsExactly("MSH(1)", "PID(1)", "ZPX(1)");
        SegmentTable.Row msh = rows.get(0);
        assertThat(msh.fields().get(0)).isEqualTo(new SegmentTable.Field(1, "Field Separator", "|"));
        assertThat(msh.fields()).contains(new SegmentTable.Field(4, "Sending Facility", "FAMPRAC"),
                new SegmentTable.Field(10, "Message Control ID", "C1"));
        assertThat(rows.get(1).fields()).containsExactly(new SegmentTable.Field(1, "Set ID - PID", "1"),
                new SegmentTable.Field(3, "Patient Identifier List", "M100^^^FAMPRAC^MR"),
                new SegmentTable.Field(5, "Patient Name", "Doe^Jane"));
        // a Z-segment has no structure to name its fields by
        assertThat(rows.get(2).fields()).containsExactly(new SegmentTable.Field(1, null, "a"),
                new SegmentTable.Field(3, null, "b"));
    }

    @Test
    void theDiffPairsAChangedSegmentAndNamesItsFields() {
        String corrected = TEXT.replace("M100^^^FAMPRAC^MR", "M200^^^FAMPRAC^MR").replace("ZPX|a||b\r", "")
                + "NTE|1||checked\r";
        List<MessageDiff.Line> lines = MessageDiff.between(TEXT, corrected);
        assertThat(lines).extracting(MessageDiff.Line::kind).containsExactly(MessageDiff.Kind.SAME,
                MessageDiff.Kind.CHANGED, MessageDiff.Kind.REMOVED, MessageDiff.Kind.ADDED);
        assertThat(lines.get(1).changedFields()).containsExactly("PID-3 Patient Identifier List");
        assertThat(lines.get(2).original()).isEqualTo("ZPX|a||b");
        assertThat(lines.get(3).corrected()).isEqualTo("NTE|1||checked");
        assertThat(lines.get(3).correctedPosition()).isEqualTo(3);
    }
}
