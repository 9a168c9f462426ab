package org.claimbridge.scrub;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.claimbridge.encounter.CoderCorrection;
import org.claimbridge.encounter.CorrectionCommand;
import org.claimbridge.encounter.EncounterCorrections;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a coder does about a flagged encounter, each recorded with who, when and why: correct its data, override a
 * warning, scrub it again now.
 */
@Service
public class CoderActions {

    private static final int REASON_MAX = 500;

    private final EncounterCorrections corrections;
    private final ScrubRecords records;
    private final EncounterScrubber scrubber;
    private final ScrubResults results;
    private final JdbcClient jdbc;
    private final Clock clock;

    CoderActions(ScrubRecords records, EncounterScrubber scrubber, ScrubResults results, JdbcClient jdbc,
                 EncounterCorrections corrections, Clock clock) {
        this.corrections = corrections;
        this.clock = clock;
        this.records = records;
        this.scrubber = scrubber;
        this.results = results;
        this.jdbc = jdbc;
    }

    /**
     * Accepts an open warning: it stops holding the encounter back, which becomes READY when nothing else does.
     * Errors cannot be overridden: they are what a payer rejects.
     */
    @Transactional
    public ScrubResults.EncounterScrub override(long encounterId, long findingId, String username, String reason) {
        String why = reason(reason);
        ScrubResults.ScrubFinding finding = results.findings(encounterId, true).stream()
                .filter(f -> f.id() == findingId).findFirst()
                .orElseThrow(() -> new CoderActionRefused(CoderActionRefused.Kind.NOT_FOUND, "findingId",
                        "encounter " + encounterId + " has no finding " + findingId));
        if (finding.severity() != Severity.WARNING) {
            throw new CoderActionRefused(CoderActionRefused.Kind.CONFLICT, null, "finding " + findingId + " ("
                    + finding.ruleId() + ") is " + finding.severity().name().toLowerCase()
                    + "; only warnings can be overridden, fix the data instead");
        }
        if (finding.status() != FindingStatus.OPEN || !records.override(encounterId, findingId, username, why)) {
            throw new CoderActionRefused(CoderActionRefused.Kind.CONFLICT, null, "finding " + findingId + " ("
                    + finding.ruleId() + ") is " + finding.status().name().toLowerCase() + ", not open");
        }
        record(encounterId, findingId, "OVERRIDE", username, why, finding.ruleId() + " " + finding.field());
        return results.state(encounterId).orElseThrow();
    }

    /**
     * Corrects the encounter's data (diagnoses, codes, modifiers, units, pointers...) and scrubs it again at once, so
     * the coder sees which findings the correction closed. A refused correction ({@code CorrectionRefused}) changes
     * nothing.
     */
    @Transactional
    public ScrubResults.EncounterScrub correct(CorrectionCommand command) {
        CoderCorrection correction = corrections.apply(command);
        scrubber.scrub(command.encounterId(), "coder " + command.user());
        record(command.encounterId(), null, "CORRECTION", command.user(), command.reason(), detail(correction));
        return results.state(command.encounterId()).orElseThrow(() -> new CoderActionRefused(
                CoderActionRefused.Kind.CONFLICT, null, "encounter " + command.encounterId()
                + " was corrected but cannot be scrubbed (held or cancelled)"));
    }

    /**
     * Several corrections to one encounter as one save: all made or none (the first refusal, {@code
     * CorrectionRefused}, takes back those before it), then one scrub. The first command carries the revision the
     * coder saw; each later one is made on the revision the one before it left, which no one else can have moved on
     * since the first took the encounter's lock.
     *
     * @return the encounter's state after the scrub, and the corrections made, in order
     */
    @Transactional
    public Corrected correctAll(List<CorrectionCommand> commands) {
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("no correction to make");
        }
        long encounterId = commands.get(0).encounterId();
        List<CoderCorrection> made = new ArrayList<>();
        for (CorrectionCommand command : commands) {
            if (command.encounterId() != encounterId) {
                throw new IllegalArgumentException("corrections of several encounters: " + commands);
            }
            CorrectionCommand next = made.isEmpty() ? command
                    : command.withExpectedRevision(made.get(made.size() - 1).revision());
            made.add(corrections.apply(next));
        }
        CorrectionCommand first = commands.get(0);
        scrubber.scrub(encounterId, "coder " + first.user());
        for (CoderCorrection correction : made) {
            record(encounterId, null, "CORRECTION", first.user(), correction.reason(), detail(correction));
        }
        ScrubResults.EncounterScrub state = results.state(encounterId).orElseThrow(() -> new CoderActionRefused(
                CoderActionRefused.Kind.CONFLICT, null, "encounter " + encounterId
                + " was corrected but cannot be scrubbed (held or cancelled)"));
        return new Corrected(state, List.copyOf(made));
    }

    /** What a save of several corrections did. */
    public record Corrected(ScrubResults.EncounterScrub scrub, List<CoderCorrection> corrections) {
    }

    /** Scrubs the encounter now with the active rule set, rather than waiting for the next run. */
    @Transactional
    public ScrubResults.EncounterScrub scrubNow(long encounterId, String username) {
        if (scrubber.scrub(encounterId, "coder " + username).isEmpty()) {
            throw new CoderActionRefused(CoderActionRefused.Kind.NOT_FOUND, "encounterId", "encounter "
                    + encounterId + " does not exist, or is held or cancelled, so it cannot be scrubbed");
        }
        record(encounterId, null, "SCRUB_NOW", username, null, null);
        return results.state(encounterId).orElseThrow();
    }

    private void record(long encounterId, Long findingId, String action, String username, String reason,
                        String detail) {
        jdbc.sql("""
                        INSERT INTO scrub_action (encounter_id, finding_id, action, username, reason, detail, at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(encounterId, findingId, action, username, reason, detail, LocalDateTime.now(clock))
                .update();
    }

    private static String detail(CoderCorrection correction) {
        return "correction " + correction.id() + ": " + correction.entity() + " " + correction.entityId() + " "
                + correction.field() + " '" + correction.before() + "' -> '" + correction.after() + "'";
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new CoderActionRefused(CoderActionRefused.Kind.INVALID, "reason",
                    "a reason is required, so the next person knows why");
        }
        if (reason.strip().length() > REASON_MAX) {
            throw new CoderActionRefused(CoderActionRefused.Kind.INVALID, "reason",
                    "the reason is longer than " + REASON_MAX + " characters");
        }
        return reason.strip();
    }
}
