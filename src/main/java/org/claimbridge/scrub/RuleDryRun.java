package org.claimbridge.scrub;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.claimbridge.encounter.EncounterDetails;
import org.claimbridge.practice.Practice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Tries new or changed rules on recent encounters before they go live: how many encounters each would flag, which,
 * and for how much money. Nothing is recorded; the active rule set is untouched.
 */
@Service
public class RuleDryRun {

    /** Encounters listed per rule, the newest; the counts and amounts cover all of them. */
    static final int LISTED = 100;
    private static final int PAGE = 500;

    private final JdbcClient jdbc;
    private final ClaimLoader claims;
    private final RuleSets ruleSets;
    private final RuleEvaluator evaluator;
    private final Clock clock;

    RuleDryRun(JdbcClient jdbc, ClaimLoader claims, RuleSets ruleSets, RuleEvaluator evaluator, Clock clock) {
        this.jdbc = jdbc;
        this.claims = claims;
        this.ruleSets = ruleSets;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    /** A rule file that does not load: nothing was tried. */
    public static class Rejected extends RuntimeException {

        private final transient List<RuleFileError> errors;

        Rejected(List<RuleFileError> errors) {
            super(errors.size() + " error(s) in the rule file: " + errors.get(0));
            this.errors = List.copyOf(errors);
        }

        public List<RuleFileError> errors() {
            return errors;
        }
    }

    /** @param amount the encounter's charges (what a claim held back by the rule would carry) */
    public record FlaggedEncounter(long encounterId, String practice, String visitNumber, BigDecimal amount,
                                   List<String> messages) {
    }

    /**
     * @param activeFlagged how many of the same encounters the active rule with this id flags, null for a new rule
     */
    public record RuleImpact(String ruleId, Severity severity, String description, int flagged, BigDecimal amount,
                             Integer activeFlagged, List<FlaggedEncounter> encounters) {
    }

    public record Report(String file, int days, Instant since, int encountersChecked, String activeRuleSetVersion,
                         List<RuleImpact> rules) {
    }

    /**
     * @param file  a name for the candidate file, used in error messages ({@code new-rules.yaml})
     * @param yaml  the candidate rule file, in the format of {@code claim-rules/}
     * @param days  how far back encounters are taken, by their last change
     */
    public Report run(String file, String yaml, int days) {
        if (days < 1 || days > 3660) {
            throw new IllegalArgumentException("days must be between 1 and 3660, got " + days);
        }
        RuleFileReader.Result read = ruleSets.readCandidate(file, yaml);
        if (!read.errors().isEmpty()) {
            throw new Rejected(read.errors());
        }
        if (read.rules().isEmpty()) {
            throw new Rejected(List.of(new RuleFileError(file, 1, null, "the file has no rules to try")));
        }
        RuleSet active = ruleSets.current();
        RuleSet candidate = new RuleSet("dry-run", List.of(file), read.rules().size(), Instant.now(clock),
                read.rules(), active.payers());
        Map<String, Rule> activeById = new HashMap<>();
        active.rules().forEach(r -> activeById.put(r.id(), r));
        List<Rule> counterparts = read.rules().stream().map(r -> activeById.get(r.id()))
                .filter(java.util.Objects::nonNull).toList();
        RuleSet activeCounterparts = new RuleSet(active.version(), active.files(), counterparts.size(),
                active.loadedAt(), counterparts, active.payers());

        Instant since = Instant.now(clock).minusSeconds(days * 86_400L);
        LocalDate today = LocalDate.now(clock);
        Map<String, Tally> tallies = new LinkedHashMap<>();
        read.rules().forEach(r -> tallies.put(r.id(), new Tally(r, activeById.containsKey(r.id()))));
        int checked = 0;
        // newest first, so the encounters listed are the most recent examples
        long before = Long.MAX_VALUE;
        while (true) {
            List<Long> ids = jdbc.sql("""
                            SELECT id FROM encounter
                            WHERE changed_at >= ? AND status = 'ACTIVE' AND hold_reason IS NULL AND id < ?
                            ORDER BY id DESC LIMIT ?""")
                    .params(LocalDateTime.ofInstant(since, java.time.ZoneOffset.UTC), before, PAGE)
                    .query(Long.class).list();
            if (ids.isEmpty()) {
                break;
            }
            before = ids.get(ids.size() - 1);
            for (ClaimLoader.Loaded loaded : claims.load(ids, today)) {
                if (loaded.claim() == null) {
                    continue; // not judged by the active rules either: its SCRUB-FAILED finding says why
                }
                checked++;
                ClaimContext claim = loaded.claim();
                Map<String, List<Finding>> found = byRule(evaluator.evaluate(candidate, claim));
                Map<String, List<Finding>> foundByActive = counterparts.isEmpty() ? Map.of()
                        : byRule(evaluator.evaluate(activeCounterparts, claim));
                for (Tally tally : tallies.values()) {
                    tally.add(loaded.details(), loaded.practice(), found.get(tally.rule.id()),
                            foundByActive.containsKey(tally.rule.id()));
                }
            }
        }
        return new Report(file, days, since, checked, active.version(),
                tallies.values().stream().map(Tally::impact).toList());
    }

    private static Map<String, List<Finding>> byRule(List<Finding> findings) {
        Map<String, List<Finding>> byRule = new HashMap<>();
        findings.forEach(f -> byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f));
        return byRule;
    }

    private static final class Tally {

        private final Rule rule;
        private final boolean hasActive;
        private int flagged;
        private int activeFlagged;
        private BigDecimal amount = BigDecimal.ZERO;
        private final List<FlaggedEncounter> listed = new ArrayList<>();

        Tally(Rule rule, boolean hasActive) {
            this.rule = rule;
            this.hasActive = hasActive;
        }

        void add(EncounterDetails details, Practice practice, List<Finding> findings, boolean flaggedByActive) {
            if (flaggedByActive) {
                activeFlagged++;
            }
            if (findings == null || findings.isEmpty()) {
                return;
            }
            flagged++;
            BigDecimal total = details.charges().stream()
                    .filter(c -> "ACTIVE".equals(c.status()) && c.amount() != null && c.amount().signum() > 0)
                    .map(EncounterDetails.Charge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            amount = amount.add(total);
            if (listed.size() < LISTED) {
                listed.add(new FlaggedEncounter(details.encounter().id(), practice.sendingFacility(),
                        details.encounter().visitNumber(), total, findings.stream().map(Finding::message).toList()));
            }
        }

        RuleImpact impact() {
            return new RuleImpact(rule.id(), rule.severity(), rule.description(), flagged, amount,
                    hasActive ? activeFlagged : null, List.copyOf(listed));
        }
    }
}
