package org.claimbridge.intake;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What feed health learns from one message: its type, MSH-12, MSH-18 and segment ids. */
class FeedRecorderTest {

    private static final String ADT = String.join("\r",
            "MSH|^~\\&|EHR|FAMPRAC|CLAIMBRIDGE|CBRCM|20261125090000||ADT^A04^ADT_A01|C1|P|2.7|||AL|NE||UNICODE UTF-8",
            "EVN|A04|20261125090000",
            "PID|1||M1^^^FAMPRAC^MR||Doe^Jane",
            "PV1|1|O",
            "ZPI|1|custom",
            "PID|2") + "\r";

    @Test
    void aMessagesTypeVersionDeclaredCharsetAndSegmentIdsInOrder() {
        List<FeedRecorder.Trait> traits = FeedRecorder.traits(Hl7Header.of(ADT), ADT);

        assertThat(traits).extracting(t -> t.kind() + " " + t.value()).containsExactly(
                "TYPE ADT^A04", "VERSION 2.7", "CHARSET UNICODE UTF-8", "SEGMENT MSH", "SEGMENT EVN",
                "SEGMENT PID", "SEGMENT PV1", "SEGMENT ZPI");
        assertThat(traits).allSatisfy(t -> assertThat(t.sender()).isEqualTo("FAMPRAC"));
    }

    @Test
    void aMessageWithNoSenderHasNoTraits() {
        String noSender = ADT.replace("|EHR|FAMPRAC|", "|EHR||");

        assertThat(FeedRecorder.traits(Hl7Header.of(noSender), noSender)).isEmpty();
    }

    @Test
    void noMsh18IsAnEmptyCharsetWhateverTheFieldSeparator() {
        assertThat(FeedRecorder.declaredCharset("MSH|^~\\&|EHR|FAMPRAC|||20261125||DFT^P03|C2|P|2.5")).isEmpty();
        assertThat(FeedRecorder.declaredCharset("MSH#^~\\&#EHR#FAMPRAC#####DFT^P03#C3#P#2.5######8859/1#x\rPID#1"))
                .isEqualTo("8859/1");
        assertThat(FeedRecorder.declaredCharset("MSH|^~\\&|EHR|FAMPRAC|||||ADT^A04|C4|P|2.5||||||")).isEmpty();
    }

    @Test
    void linesThatAreNotSegmentsAreNotSegmentIds() {
        assertThat(FeedRecorder.segmentIds("MSH|x\r\rpid|1\rFT1|1\rZ9\rFT1|2\r1AB|x")).containsExactly("MSH", "FT1");
    }
}
