package org.claimbridge.claim;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.claimbridge.intake.BatchIntake;
import org.claimbridge.intake.Channel;
import org.claimbridge.intake.Receipt;
import org.claimbridge.scrub.ScrubJobs;
import org.claimbridge.scrub.ScrubResults;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Synthetic FAMPRAC visits through real intake for the claims tests: a registration (ADT^A04 with one IN1), charges
 * (DFT^P03), a scrub run, a claims run.
 */
public final class ClaimTestFeed {

    public static final String OKAFOR = "1049283710^Okafor^Adaeze^N^^^MD^^NPI^L^^^NPI";
    public static final String RAMAN = "1938475625^Raman^Priya^S^^^MD^^NPI^L^^^NPI";

    private final BatchIntake intake;
    private final JdbcClient jdbc;
    private final ScrubJobs scrub;
    private final ScrubResults scrubResults;
    private final ClaimJobs claimJobs;

    public ClaimTestFeed(BatchIntake intake, JdbcClient jdbc, ScrubJobs scrub, ScrubResults scrubResults,
                  ClaimJobs claimJobs) {
        this.intake = intake;
        this.jdbc = jdbc;
        this.scrub = scrub;
        this.scrubResults = scrubResults;
        this.claimJobs = claimJobs;
    }

    public void register(String control, String visit, String name, String birthDate, String payerId, String memberId) {
        String mrn = visit.replace("V", "M");
        feed(hl7("MSH|^~\\&|ATHENAEHR|FAMPRAC|CLAIMBRIDGE|CBRCM|20261120090000||ADT^A04^ADT_A01|" + control
                        + "|P|2.5.1",
                "EVN|A04|20261120090000",
                "PID|1||" + mrn + "^^^FAMPRAC^MR||" + name + "||" + birthDate + "|M|||77 Birch Rd^^Springfield^IL"
                        + "^62704^USA||^PRN^PH^^^217^5550190",
                "PV1|1|O|EXAM2^^^FAMPRAC|R|||" + OKAFOR + "|||FM||||||||O|" + visit + "^^^FAMPRAC^VN|MC",
                "IN1|1|PLAN^Plan|" + payerId + "^^^PAYER^NIIP|Payer " + payerId + "|PO Box 1^^Indianapolis^IN^46206"
                        + "|||||||20170401|||MC|" + name + "|SEL^Self^HL70063|" + birthDate
                        + "|77 Birch Rd^^Springfield^IL^62704|||1||||||||||||||" + memberId + "|||||||M"),
                control);
    }

    public void charges(String control, String visit, String name, String birthDate, List<String> ft1) {
        String mrn = visit.replace("V", "M");
        List<String> segments = new ArrayList<>(List.of(
                "MSH|^~\\&|ATHENAEHR|FAMPRAC|CLAIMBRIDGE|CBRCM|20261121090000||DFT^P03^DFT_P03|" + control
                        + "|P|2.5.1",
                "EVN|P03|20261121090000",
                "PID|1||" + mrn + "^^^FAMPRAC^MR||" + name + "||" + birthDate + "|M",
                "PV1|1|O|EXAM2^^^FAMPRAC|R|||" + OKAFOR + "|||FM||||||||O|" + visit + "^^^FAMPRAC^VN|MC"));
        segments.addAll(ft1);
        String dx = ft1.get(0).split("\\|")[19];
        segments.add("DG1|1|I10|" + dx + "|x||F|||||||||1");
        feed(hl7(segments.toArray(String[]::new)), control);
    }

    /** One office visit line: 99213 for 120.00 on 2026-11-20, for hypertension. */
    public static String officeVisit(String visit, int line) {
        return "FT1|" + line + "|" + visit + "-" + line + "||20261120|20261120|CG|OV213^Office visit^CDM|Office visit"
                + "||1|120.00|||||11|||I10^Essential hypertension^I10|" + OKAFOR + "|" + OKAFOR
                + "||||99213^Office visit^C4|";
    }

    public static byte[] hl7(String... segments) {
        return (String.join("\r", segments) + "\r").getBytes(StandardCharsets.ISO_8859_1);
    }

    public void feed(byte[] bytes, String name) {
        for (Receipt receipt : intake.receive(bytes, Channel.FILE, name, Instant.now()).receipts()) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> !"RECEIVED"
                    .equals(jdbc.sql("SELECT status FROM hl7_message WHERE id = ?").param(receipt.messageId())
                            .query(String.class).single()));
        }
    }

    /** Runs the scrub and returns the visit's encounter id, checking it came out READY. */
    public long scrubbedReady(String visit) {
        assertThat(scrub.runAndWait("claims test").status()).isEqualTo("COMPLETED");
        long id = jdbc.sql("SELECT id FROM encounter WHERE visit_number = ?").param(visit).query(Long.class).single();
        assertThat(scrubResults.state(id).orElseThrow().state().name())
                .as(visit + ": " + scrubResults.findings(id, false)).isEqualTo("READY");
        return id;
    }

    public void runClaims() {
        ClaimJobs.ClaimRunStatus run = claimJobs.runAndWait("claims test");
        assertThat(run.status()).as(run.exitDescription()).isEqualTo("COMPLETED");
    }
}
