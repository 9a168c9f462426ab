package org.claimbridge.remit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The samples, real-world quirks and broken files as the applying side reads them. */
class X12ParserTest {

    private static final Path REMIT = Path.of("src/test/resources/x12/remit");
    private static final Path SAMPLES = Path.of("sample-feeds/x12");

    @Test
    void theSampleResponsesReadWithoutAnyProblem() throws IOException {
        for (String name : List.of("999-accepted.x12", "999-rejected.x12", "277ca.x12", "835.x12")) {
            X12Parser.Parsed parsed = X12Parser.parse(Files.readAllBytes(SAMPLES.resolve(name)));
            assertThat(parsed.errors()).as(name).isEmpty();
            assertThat(parsed.transactions()).as(name).isNotEmpty().allSatisfy(t -> {
                assertThat(t.errors()).as(name + " " + t.stControl()).isEmpty();
                assertThat(t.warnings()).as(name + " " + t.stControl()).isEmpty();
            });
        }
    }

    @Test
    void otherDelimitersNoLineBreaksSeveralSetsAndInterchangesAreRead() throws IOException {
        X12Parser.Parsed pipes = read("999-pipe-caret-newline.x12");
        assertThat(pipes.errors()).isEmpty();
        assertThat(pipes.transactions()).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo("999");
            assertThat(t.errors()).isEmpty();
            assertThat(t.segments()).extracting(X12Segment::tag).contains("AK1", "AK2", "IK5", "AK9");
        });
        X12Parser.Parsed oneLine = read("277ca-clearinghouse-one-line.x12");
        assertThat(oneLine.transactions()).hasSize(2).allSatisfy(t -> assertThat(t.errors()).isEmpty());
        X12Parser.Parsed several = read("multiple-interchanges.x12");
        assertThat(several.errors()).isEmpty();
        assertThat(several.transactions()).extracting(X12Transaction::isaControl).doesNotHaveDuplicates()
                .hasSizeGreaterThanOrEqualTo(3);
        X12Parser.Parsed plb = read("835-pipe-gt-one-line.x12");
        assertThat(plb.transactions()).singleElement().satisfies(t -> {
            assertThat(t.errors()).isEmpty();
            Remittance r = RemittanceReader.read(t);
            assertThat(r.providerAdjustments()).hasSizeGreaterThan(1);
        });
        X12Parser.Parsed reversal = read("835-reversal-crlf.x12");
        Remittance r = RemittanceReader.read(reversal.transactions().get(0));
        assertThat(r.claims()).extracting(Remittance.ClaimPaid::statusCode).contains("22");
        assertThat(r.claims().stream().filter(Remittance.ClaimPaid::reversal).findFirst().orElseThrow().paid())
                .isNegative();
    }

    @Test
    void brokenFilesSayWhatIsWrong() throws IOException {
        assertThat(read("999-truncated.x12").errors()).anySatisfy(e -> assertThat(e).contains("cut short"));
        assertThat(read("277ca-wrong-se-count.x12").transactions()).anySatisfy(t -> assertThat(t.errors())
                .anySatisfy(e -> assertThat(e).contains("control count does not match")));
        assertThat(read("835-missing-bpr.x12").transactions()).singleElement().satisfies(t -> assertThat(t.errors())
                .anySatisfy(e -> assertThat(e).contains("BPR")));
        assertThat(read("810-unknown-transaction.x12").transactions()).singleElement()
                .satisfies(t -> assertThat(t.type()).isEqualTo("810"));
    }

    private static X12Parser.Parsed read(String name) throws IOException {
        return X12Parser.parse(Files.readAllBytes(REMIT.resolve(name)));
    }
}
