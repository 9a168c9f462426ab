package org.claimbridge.web;

import java.util.List;
import java.util.Map;

import org.claimbridge.FixedDay;
import org.claimbridge.IntegrationTest;
import org.claimbridge.claim.ClaimJobs;
import org.claimbridge.claim.ClaimTestFeed;
import org.claimbridge.claim.Claims;
import org.claimbridge.intake.BatchIntake;
import org.claimbridge.remit.DenialLedger;
import org.claimbridge.remit.X12Receipts;
import org.claimbridge.scrub.ScrubJobs;
import org.claimbridge.scrub.ScrubResults;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The denial report's ledger built again from the stored 835s (as at the first start on a database that had
 * remittances before the ledger existed) equals the ledger the 835 step kept as each file came in, reversals
 * included.
 */
@IntegrationTest
@Import(FixedDay.class)
class DenialLedgerRebuildIT {

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

    @Autowired
    DenialLedger ledger;

    @Test
    void theLedgerBuiltAgainFromThe835sEqualsTheOneKeptAsTheyCameIn() {
        DeniedClaimsFixture data = new DeniedClaimsFixture(new ClaimTestFeed(intake, jdbc, scrub, scrubResults,
                claimJobs), claims, receipts, "DLR").build();
        // the payer takes back its CO-31 denial of the second claim and pays it after all
        DeniedClaimsFixture.Outcome deniedWhole = data.of(data.payerA).get(1);
        assertThat(deniedWhole.reason()).isEqualTo("CO-31");
        data.receive("3", data.payerA, "110", List.of(
                "CLP*" + deniedWhole.pcn() + "*22*-120*0*0*12*P2" + data.run(),
                "CAS*CO*31*-120",
                "NM1*QC*1*MBEKI*THABO****MI*W2",
                "CLP*" + deniedWhole.pcn() + "*1*120*110*10*12*P2" + data.run(),
                "CAS*PR*2*10",
                "NM1*QC*1*MBEKI*THABO****MI*W2"));
        long reversed = jdbc.sql("SELECT COUNT(*) FROM claim_adjudication WHERE claim_id = ? AND reversed")
                .param(deniedWhole.claimId()).query(Long.class).single();
        assertThat(reversed).isOne();
        List<Map<String, Object>> summaryKept = summary();
        List<Map<String, Object>> factsKept = facts();
        assertThat(summaryKept).anySatisfy(row -> assertThat(row.get("value")).isEqualTo(data.payerA));

        ledger.rebuild();

        assertThat(facts()).isEqualTo(factsKept);
        assertThat(summary()).isEqualTo(summaryKept);
    }

    private List<Map<String, Object>> summary() {
        return jdbc.sql("""
                SELECT dimension, day, value, adjudicated, denied, charge, denied_amount FROM denial_summary
                WHERE adjudicated <> 0 OR denied <> 0 OR charge <> 0 OR denied_amount <> 0
                ORDER BY dimension, day, value""").query().listOfRows();
    }

    private List<Map<String, Object>> facts() {
        return jdbc.sql("SELECT * FROM claim_adjudication ORDER BY claim_payment_id").query().listOfRows();
    }
}
