package org.claimbridge.web;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.claimbridge.FixedDay;
import org.claimbridge.IntegrationTest;
import org.claimbridge.claim.ClaimJobs;
import org.claimbridge.claim.ClaimTestFeed;
import org.claimbridge.claim.Claims;
import org.claimbridge.intake.BatchIntake;
import org.claimbridge.remit.X12Receipts;
import org.claimbridge.scrub.ScrubJobs;
import org.claimbridge.scrub.ScrubResults;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The denial report's CSV exports over HTTP with a signed-in manager's session, read back with commons-csv against
 * the claims {@link DeniedClaimsFixture} billed and had answered; and who may not have them.
 */
@IntegrationTest
@Import(FixedDay.class)
class DenialReportCsvIT {

    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    @LocalServerPort
    int port;

    @Autowired
    BatchIntake intake;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScrubJobs scrub;

    @Autowired
    ScrubResults scrubResults;

    @Autowired
    ClaimJobs claimJobs;

    @Autowired
    Claims claims;

    @Autowired
    X12Receipts receipts;

    @Test
    void aManagerExportsTheReportAndTheClaimsBehindALineAsCsv() throws IOException {
        DeniedClaimsFixture data = new DeniedClaimsFixture(new ClaimTestFeed(intake, jdbc, scrub, scrubResults,
                claimJobs), claims, receipts, "DRC").build();
        PageSession manager = PageSession.signedIn(port, "manager", "manager-secret");

        HttpResponse<String> report = manager.get("/reports/denials.csv?by=payer");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(report.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"denials-by-payer-2025-12-01-to-2026-11-25.csv\"");
        List<CSVRecord> lines = READ.parse(new StringReader(report.body())).getRecords();
        assertThat(lines.get(0).getParser().getHeaderNames()).containsExactly("payer", "label", "claims_adjudicated",
                "claims_denied", "denial_rate_percent", "amount_billed", "amount_denied");
        Map<String, CSVRecord> byPayer = lines.stream().collect(Collectors.toMap(r -> r.get("payer"),
                Function.identity()));
        for (String payer : List.of(data.payerA, data.payerB)) {
            List<DeniedClaimsFixture.Outcome> expected = data.of(payer);
            long denied = expected.stream().filter(DeniedClaimsFixture.Outcome::isDenied).count();
            CSVRecord line = byPayer.get(payer);
            assertThat(line).as(payer).isNotNull();
            assertThat(line.get("label")).isEqualTo("Payer " + payer);
            assertThat(Long.parseLong(line.get("claims_adjudicated"))).isEqualTo(expected.size());
            assertThat(Long.parseLong(line.get("claims_denied"))).isEqualTo(denied);
            assertThat(new BigDecimal(line.get("denial_rate_percent")))
                    .isEqualByComparingTo(BigDecimal.valueOf(denied * 100.0 / expected.size())
                            .setScale(1, java.math.RoundingMode.HALF_UP));
            assertThat(new BigDecimal(line.get("amount_billed"))).isEqualByComparingTo(sum(expected,
                    DeniedClaimsFixture.Outcome::billed));
            assertThat(new BigDecimal(line.get("amount_denied"))).isEqualByComparingTo(sum(expected,
                    DeniedClaimsFixture.Outcome::denied));
        }

        // the claims behind payer A's line: its denied claims with their reasons and amounts
        HttpResponse<String> drill = manager.get("/reports/denials/claims.csv?by=payer&value=" + data.payerA
                + "&from=2026-11-01&to=2026-11-30");
        assertThat(drill.statusCode()).isEqualTo(200);
        assertThat(drill.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(drill.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"denied-claims-"
                + "payer-" + data.payerA + "-2026-11-01-to-2026-11-30.csv\"");
        Map<Long, CSVRecord> byClaim = READ.parse(new StringReader(drill.body())).getRecords().stream()
                .collect(Collectors.toMap(r -> Long.parseLong(r.get("claim_id")), Function.identity()));
        List<DeniedClaimsFixture.Outcome> denied = data.of(data.payerA).stream()
                .filter(DeniedClaimsFixture.Outcome::isDenied).toList();
        assertThat(byClaim.keySet()).containsExactlyInAnyOrderElementsOf(denied.stream()
                .map(DeniedClaimsFixture.Outcome::claimId).toList());
        for (DeniedClaimsFixture.Outcome o : denied) {
            CSVRecord r = byClaim.get(o.claimId());
            assertThat(r.get("patient_control_number")).isEqualTo(o.pcn());
            assertThat(r.get("payer_id")).isEqualTo(data.payerA);
            assertThat(r.get("practice")).isEqualTo("Maple Family Practice");
            assertThat(r.get("rendering_npi")).isEqualTo("1049283710");
            assertThat(r.get("adjudicated_on")).isEqualTo("2026-11-25");
            assertThat(new BigDecimal(r.get("amount_billed"))).isEqualByComparingTo(o.billed());
            assertThat(new BigDecimal(r.get("amount_denied"))).isEqualByComparingTo(o.denied());
            assertThat(r.get("reasons")).isEqualTo(o.reason());
        }

        // by CARC: payer B's claim is among those CO-16 denied
        HttpResponse<String> carc = manager.get("/reports/denials/claims.csv?by=carc&value=16");
        assertThat(READ.parse(new StringReader(carc.body())).getRecords()).extracting(r -> r.get("claim_id"))
                .contains(String.valueOf(data.of(data.payerB).get(0).claimId()));

        // bad input is refused, naming the field
        HttpResponse<String> bad = manager.get("/reports/denials.csv?by=payer&to=2026-02-30");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("to: '2026-02-30' is not a date (yyyy-mm-dd)");
        HttpResponse<String> badBy = manager.get("/reports/denials/claims.csv?by=colour&value=red");
        assertThat(badBy.statusCode()).isEqualTo(400);
        assertThat(badBy.body()).contains("by: 'colour' is not one of payer, practice, provider, carc, category, month");
        HttpResponse<String> badPage = manager.get("/reports/denials/claims?by=month&value=May");
        assertThat(badPage.statusCode()).isEqualTo(400);
        assertThat(badPage.body()).contains("value: &#39;May&#39; is not a month (yyyy-mm)");
    }

    @Test
    void aCoderGets403AndAnAnonymousVisitorIsSentToSignIn() {
        PageSession coder = PageSession.signedIn(port, "hashed", "hashed-secret");
        PageSession anonymous = PageSession.anonymous(port);
        for (String path : List.of("/reports/denials", "/reports/denials.csv", "/reports/denials/claims?by=payer&value=1",
                "/reports/denials/claims.csv?by=payer&value=1")) {
            assertThat(coder.get(path).statusCode()).as(path).isEqualTo(403);
            HttpResponse<String> away = anonymous.get(path);
            assertThat(away.statusCode()).as(path).isEqualTo(302);
            assertThat(away.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
        // the coder's pages do not offer the report; a manager's do
        assertThat(coder.get("/claims").body()).doesNotContain("id=\"nav-denials\"");
        assertThat(PageSession.signedIn(port, "manager", "manager-secret").get("/claims").body())
                .contains("id=\"nav-denials\"");
    }

    private static BigDecimal sum(List<DeniedClaimsFixture.Outcome> outcomes,
                                  Function<DeniedClaimsFixture.Outcome, BigDecimal> amount) {
        return outcomes.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
