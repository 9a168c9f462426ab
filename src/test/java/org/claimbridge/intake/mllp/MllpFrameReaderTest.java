package org.claimbridge.intake.mllp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class MllpFrameReaderTest {

    private static MllpFrameReader reader(String stream, int maxBytes) {
        return new MllpFrameReader(new ByteArrayInputStream(stream.getBytes(StandardCharsets.ISO_8859_1)),
                millis -> { }, maxBytes, Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    private static String text(MllpFrame frame) {
        return new String(frame.bytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsFramesAndCountsOnlyTheBytesOutsideThem() throws IOException {
        MllpFrameReader frames = reader("noise\u000bMSH|1\u001c\r\r\n\u000bMSH|2\u001c\r", 100);
        MllpFrame first = frames.next();
        assertThat(text(first)).isEqualTo("MSH|1");
        assertThat(first.ending()).isEqualTo(MllpFrame.Ending.END_BLOCK);
        assertThat(frames.takeSkipped()).isEqualTo(5);
        assertThat(text(frames.next())).isEqualTo("MSH|2");
        // the CR ending the first frame belongs to it; the stray CR LF after it do not
        assertThat(frames.takeSkipped()).isEqualTo(2);
        assertThat(frames.next()).isNull();
    }

    @Test
    void keepsTheFirstBytesOfAFrameOverTheLimitAndReadsOnToItsEnd() throws IOException {
        MllpFrameReader frames = reader("\u000b" + "A".repeat(50_000) + "\u001c\r\u000bMSH|ok\u001c\r", 1000);
        MllpFrame big = frames.next();
        assertThat(big.ending()).isEqualTo(MllpFrame.Ending.TOO_LARGE);
        assertThat(big.bytes()).hasSize(1000);
        assertThat(big.length()).isEqualTo(50_000);
        assertThat(text(frames.next())).isEqualTo("MSH|ok");
    }

    @Test
    void aFrameExactlyAtTheLimitIsWhole() throws IOException {
        MllpFrame frame = reader("\u000b" + "B".repeat(1000) + "\u001c\r", 1000).next();
        assertThat(frame.ending()).isEqualTo(MllpFrame.Ending.END_BLOCK);
        assertThat(frame.bytes()).hasSize(1000);
    }

    @Test
    void reportsAFrameCutOffByANewStartBlockOrByTheEndOfTheStream() throws IOException {
        MllpFrameReader frames = reader("\u000bMSH|cut\u000bMSH|whole\u001c\r\u000bMSH|lost", 100);
        MllpFrame cut = frames.next();
        assertThat(cut.ending()).isEqualTo(MllpFrame.Ending.RESTARTED);
        assertThat(text(cut)).isEqualTo("MSH|cut");
        assertThat(text(frames.next())).isEqualTo("MSH|whole");
        MllpFrame lost = frames.next();
        assertThat(lost.ending()).isEqualTo(MllpFrame.Ending.CLOSED);
        assertThat(text(lost)).isEqualTo("MSH|lost");
        assertThat(frames.next()).isNull();
    }
}
