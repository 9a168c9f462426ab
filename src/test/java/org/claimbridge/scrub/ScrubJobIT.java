package org.claimbridge.scrub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.claimbridge.IntegrationTest;
import org.claimbridge.encounter.CorrectionCommand;
import org.claimbridge.encounter.CorrectionRefused;
import org.claimbridge.intake.BatchIntake;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The scrub job on encounters fed through intake, with a small rule set of its own: states, findings kept, closed
 * and overridden, transitions, and re-runs that change nothing.
 */
@IntegrationTest
@TestPropertySource(properties = "claimbridge.rules.dir=src/test/resources/scrub-job-rules")
class ScrubJobIT {

    @Autowired
    ScrubJobs jobs;

    @Autowired
    ScrubResults results;

    @Autowired
    CoderActions coder;

    @Autowired
    BatchIntake intake;

    @Autowired
    JdbcClient jdbc;

    ScrubFeed feed;

    @BeforeEach
    void feed() {
        feed = new ScrubFeed(intake, jdbc);
    }

    @Test
    void aCleanEncounterIsReadyAndAFlawedOneIsFlaggedWithFindingsThatNameFieldAndValue() {
        feed.apply(feed.registration("J1", "VJ1", "W100", "1987654321"), feed.charges("J1", "VJ1", "11", "11"),
                feed.registration("J2", "VJ2", "", "1987654321"), feed.charges("J2", "VJ2", "11", "1"));
        ScrubJobs.ScrubRunStatus run = jobs.runAndWait("test");
        assertThat(run.status()).isEqualTo("COMPLETED");

        long clean = feed.encounterId("VJ1");
        assertThat(results.state(clean)).get().satisfies(s -> {
            assertThat(s.state()).isEqualTo(ScrubState.READY);
            assertThat(s.openErrors()).isZero();
        });
        assertThat(results.findings(clean, true)).extracting(ScrubResults.ScrubFinding::ruleId)
                .containsExactly("T-INFO");
        assertThat(results.transitions(clean)).singleElement().satisfies(t -> {
            assertThat(t.fromState()).isNull();
            assertThat(t.toState()).isEqualTo(ScrubState.READY);
            assertThat(t.actor()).isEqualTo("scrub job " + run.executionId());
        });

        long flawed = feed.encounterId("VJ2");
        assertThat(results.state(flawed)).get().satisfies(s -> {
            assertThat(s.state()).isEqualTo(ScrubState.FLAGGED);
            assertThat(s.openErrors()).isEqualTo(2);
            assertThat(s.ruleSetVersion()).isNotBlank();
        });
        List<ScrubResults.ScrubFinding> findings = results.findings(flawed, false);
        assertThat(findings).extracting(f -> f.ruleId() + " " + f.field() + " " + f.severity() + ": " + f.message())
                .containsExactlyInAnyOrder(
                        "T-MEMBER-ID subscriber.memberId ERROR: Member id (subscriber.memberId) is missing for payer '60054'",
                        "T-POS charges[2].placeOfService ERROR: Charge line 2: place of service is '1'",
                        "T-INFO charges INFO: 2 charge lines");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(FindingStatus.OPEN);
            assertThat(f.ruleSetVersion()).isEqualTo(results.state(flawed).orElseThrow().ruleSetVersion());
        });
        assertThat(results.transitions(flawed)).singleElement().satisfies(t -> assertThat(t.reason())
                .isEqualTo("2 error(s), 0 warning(s) open: T-MEMBER-ID (error), T-POS (error)"));

        // nothing changed: a second run reads nothing and records nothing
        int findingRows = count("scrub_finding");
        int transitionRows = count("scrub_transition");
        ScrubJobs.ScrubRunStatus again = jobs.runAndWait("test");
        assertThat(again.status()).isEqualTo("COMPLETED");
        assertThat(count("scrub_finding")).isEqualTo(findingRows);
        assertThat(count("scrub_transition")).isEqualTo(transitionRows);
        assertThat(jobs.find(again.executionId())).get().extracting(ScrubJobs.ScrubRunStatus::trigger)
                .isEqualTo("test");
    }

    @Test
    void aLaterMessageThatFixesTheDataClosesTheFindingAndMovesTheEncounterOn() {
        feed.apply(feed.registration("K1", "VK1", "", "1987654321"), feed.charges("K1", "VK1", "11"));
        jobs.runAndWait("test");
        long id = feed.encounterId("VK1");
        assertThat(results.state(id)).get().extracting(ScrubResults.EncounterScrub::state)
                .isEqualTo(ScrubState.FLAGGED);
        ScrubResults.ScrubFinding memberId = results.findings(id, false).stream()
                .filter(f -> f.ruleId().equals("T-MEMBER-ID")).findFirst().orElseThrow();

        feed.apply(feed.update("K1", "VK1", "W555", "1987654321"));
        jobs.runAndWait("test");

        ScrubResults.EncounterScrub after = results.state(id).orElseThrow();
        assertThat(after.state()).isEqualTo(ScrubState.READY);
        assertThat(after.revision()).isGreaterThan(memberId.openedRevision());
        ScrubResults.ScrubFinding closed = results.findings(id, true).stream()
                .filter(f -> f.id() == memberId.id()).findFirst().orElseThrow();
        assertThat(closed.status()).isEqualTo(FindingStatus.CLOSED);
        assertThat(closed.closedReason()).startsWith("no longer found at revision " + after.revision());
        assertThat(results.findings(id, false)).isEmpty();
        assertThat(results.transitions(id)).extracting(t -> t.fromState() + "->" + t.toState())
                .containsExactly("null->FLAGGED", "FLAGGED->READY");
    }

    @Test
    void aCoderOverridesAWarningButNotAnErrorAndEachActionIsRecorded() {
        feed.apply(feed.registration("L1", "VL1", "W9", ""), feed.charges("L1", "VL1", "11"));
        jobs.runAndWait("test");
        long id = feed.encounterId("VL1");
        ScrubResults.ScrubFinding warning = results.findings(id, false).stream()
                .filter(f -> f.ruleId().equals("T-REFERRING")).findFirst().orElseThrow();
        assertThat(results.state(id).orElseThrow().state()).isEqualTo(ScrubState.FLAGGED);

        assertThatThrownBy(() -> coder.override(id, warning.id(), "alice", "  "))
                .isInstanceOfSatisfying(CoderActionRefused.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThat(results.state(id).orElseThrow().state()).isEqualTo(ScrubState.FLAGGED);

        ScrubResults.EncounterScrub after = coder.override(id, warning.id(), "alice", "self-referred visit");
        assertThat(after.state()).isEqualTo(ScrubState.READY);
        assertThat(results.findings(id, false)).filteredOn(f -> f.id() == warning.id()).singleElement()
                .satisfies(f -> {
                    assertThat(f.status()).isEqualTo(FindingStatus.OVERRIDDEN);
                    assertThat(f.overriddenBy()).isEqualTo("alice");
                    assertThat(f.overrideReason()).isEqualTo("self-referred visit");
                });
        assertThat(results.transitions(id)).last().satisfies(t -> {
            assertThat(t.toState()).isEqualTo(ScrubState.READY);
            assertThat(t.actor()).isEqualTo("coder alice");
            assertThat(t.reason()).contains("overridden: self-referred visit");
        });
        assertThatThrownBy(() -> coder.override(id, warning.id(), "alice", "again"))
                .isInstanceOfSatisfying(CoderActionRefused.class,
                        e -> assertThat(e.kind()).isEqualTo(CoderActionRefused.Kind.CONFLICT));

        // the override holds when scrubbed again with nothing changed
        coder.scrubNow(id, "alice");
        assertThat(results.state(id).orElseThrow().state()).isEqualTo(ScrubState.READY);
        assertThat(results.actions(id)).extracting(a -> a.action() + " " + a.username())
                .containsExactly("OVERRIDE alice", "SCRUB_NOW alice");

        // an error cannot be overridden
        feed.apply(feed.registration("L2", "VL2", "", "1987654321"), feed.charges("L2", "VL2", "11"));
        long other = feed.encounterId("VL2");
        coder.scrubNow(other, "bob");
        ScrubResults.ScrubFinding error = results.findings(other, false).stream()
                .filter(f -> f.severity() == Severity.ERROR).findFirst().orElseThrow();
        assertThatThrownBy(() -> coder.override(other, error.id(), "bob", "payer will pay anyway"))
                .isInstanceOfSatisfying(CoderActionRefused.class, e -> assertThat(e.getMessage())
                        .contains("only warnings can be overridden"));
        assertThat(results.findings(other, false)).filteredOn(f -> f.id() == error.id())
                .extracting(ScrubResults.ScrubFinding::status).containsExactly(FindingStatus.OPEN);
    }

    @Test
    void aCoderCorrectionIsScrubbedAtOnceAndClosesWhatItFixed() {
        feed.apply(feed.registration("M1", "VM1", "W1", "1987654321"), feed.charges("M1", "VM1", "11", "1"));
        jobs.runAndWait("test");
        long id = feed.encounterId("VM1");
        ScrubResults.ScrubFinding pos = results.findings(id, false).stream()
                .filter(f -> f.ruleId().equals("T-POS")).findFirst().orElseThrow();
        assertThat(pos.field()).isEqualTo("charges[2].placeOfService");
        long chargeId = jdbc.sql("SELECT id FROM charge WHERE encounter_id = ? ORDER BY id").param(id)
                .query(Long.class).list().get(1);
        int revision = results.state(id).orElseThrow().revision();

        // a stale revision is refused and nothing moves
        assertThatThrownBy(() -> coder.correct(new CorrectionCommand.ChangePlaceOfService(id, revision - 1, "carol",
                "office visit", chargeId, "11"))).isInstanceOf(CorrectionRefused.class);
        assertThat(results.findings(id, false)).extracting(ScrubResults.ScrubFinding::id).contains(pos.id());

        ScrubResults.EncounterScrub after = coder.correct(new CorrectionCommand.ChangePlaceOfService(id, revision,
                "carol", "office visit", chargeId, "11"));
        assertThat(after.state()).isEqualTo(ScrubState.READY);
        assertThat(after.revision()).isEqualTo(revision + 1);
        assertThat(results.findings(id, true)).filteredOn(f -> f.id() == pos.id())
                .extracting(ScrubResults.ScrubFinding::status).containsExactly(FindingStatus.CLOSED);
        assertThat(results.transitions(id)).last().satisfies(t -> {
            assertThat(t.toState()).isEqualTo(ScrubState.READY);
            assertThat(t.actor()).isEqualTo("coder carol");
        });
        assertThat(results.actions(id)).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("CORRECTION");
            assertThat(a.reason()).isEqualTo("office visit");
            assertThat(a.detail()).contains("'1' -> '11'");
        });
        // the job finds nothing left to do for it
        jobs.runAndWait("test");
        assertThat(results.transitions(id)).hasSize(2);
    }

    @Test
    void theWorkQueueHoldsFlaggedEncountersMostErrorsFirstAndNotCancelledOnes() {
        feed.apply(feed.registration("N1", "VN1", "", "1987654321"), feed.charges("N1", "VN1", "1"),
                feed.registration("N2", "VN2", "W2", "1987654321"), feed.charges("N2", "VN2", "1"),
                feed.registration("N3", "VN3", "W3", "1987654321"), feed.charges("N3", "VN3", "11"));
        jobs.runAndWait("test");
        long twoErrors = feed.encounterId("VN1");
        long oneError = feed.encounterId("VN2");
        long ready = feed.encounterId("VN3");
        List<Long> queue = results.flagged(0, 1000).stream().map(ScrubResults.EncounterScrub::encounterId).toList();
        assertThat(queue).contains(twoErrors, oneError).doesNotContain(ready);
        assertThat(queue.indexOf(twoErrors)).isLessThan(queue.indexOf(oneError));

        feed.apply(feed.cancel("N1", "VN1"));
        assertThat(results.flagged(0, 1000)).extracting(ScrubResults.EncounterScrub::encounterId)
                .doesNotContain(twoErrors).contains(oneError);
    }

    private int count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }
}
