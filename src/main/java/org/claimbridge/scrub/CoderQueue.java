package org.claimbridge.scrub;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coders' work queue: encounters the scrub flagged that a coder can act on (active, not held), filtered, sorted
 * and paged by the database, so a page costs the same with ten flagged encounters or a hundred thousand.
 *
 * <p>An encounter's <em>amount</em> is what its billed lines add up to (credits, and the charges they took back, left
 * out, as on the claim); its <em>age</em> is the days since its first date of service (the admission when no charge
 * has a date): the clock that timely filing runs on, which is why the queue ages by it rather than by when the
 * encounter was flagged.
 */
@Service
@Transactional(readOnly = true)
public class CoderQueue {

    /** How the queue is ordered; ties go to the other measure, then the encounter id, so paging is stable. */
    public enum Sort {
        AMOUNT_DESC("q.total DESC, q.first_service IS NULL, q.first_service, q.encounter_id"),
        AMOUNT_ASC("q.total, q.first_service IS NULL, q.first_service, q.encounter_id"),
        /** oldest first */
        AGE_DESC("q.first_service IS NULL, q.first_service, q.total DESC, q.encounter_id"),
        /** newest first */
        AGE_ASC("q.first_service IS NULL, q.first_service DESC, q.total DESC, q.encounter_id");

        private final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    /**
     * What a coder asks the queue for; null filters take everything.
     *
     * @param payerId    the payer id (IN1-3.1) of the patient's primary coverage
     * @param ruleId     a rule with an open finding on the encounter
     * @param minAgeDays at least this many days since the first date of service
     * @param page       from 0
     */
    public record Filter(Long practiceId, String payerId, String ruleId, Integer minAgeDays, Sort sort, int page,
                         int size) {

        public Filter {
            sort = sort == null ? Sort.AMOUNT_DESC : sort;
            page = Math.max(page, 0);
            size = Math.max(1, Math.min(size, 500));
        }
    }

    /**
     * One flagged encounter in the queue.
     *
     * @param rules        the rules with open findings on it, sorted
     * @param firstService its first date of service, null when it has none
     * @param ageDays      days since then, null when it has none
     */
    public record Entry(long encounterId, long practiceId, String visitNumber, String patientLastName,
                        String patientFirstName, String payerId, String payerName, int openErrors, int openWarnings,
                        List<String> rules, BigDecimal amount, LocalDate firstService, Long ageDays) {
    }

    /**
     * @param matching how many flagged encounters the filter matches, on all pages
     * @param flagged  how many are in the queue without a filter
     */
    public record Result(List<Entry> entries, long matching, long flagged, Filter filter) {

        public int pages() {
            return (int) Math.max(1, (matching + filter.size() - 1) / filter.size());
        }
    }

    public record Payer(String id, String name) {
    }

    /** The values the queue's filters can take: those of the encounters in it now. */
    public record Options(List<Long> practiceIds, List<Payer> payers, List<String> rules) {
    }

    // the queue's encounters; the same conditions for every query here
    private static final String QUEUE = """
            FROM encounter_scrub s
            JOIN encounter e ON e.id = s.encounter_id
            LEFT JOIN coverage c ON c.patient_id = e.patient_id AND c.priority = 1
            WHERE s.state = 'FLAGGED' AND e.status = 'ACTIVE' AND e.hold_reason IS NULL
            """;

    private final JdbcClient jdbc;
    private final ScrubResults results;
    private final Clock clock;

    CoderQueue(JdbcClient jdbc, ScrubResults results, Clock clock) {
        this.jdbc = jdbc;
        this.results = results;
        this.clock = clock;
    }

    public Result find(Filter filter) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder();
        if (filter.practiceId() != null) {
            where.append(" AND e.practice_id = :practice");
            params.put("practice", filter.practiceId());
        }
        if (filter.payerId() != null) {
            where.append(" AND c.payer_id = :payer");
            params.put("payer", filter.payerId());
        }
        if (filter.ruleId() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM scrub_finding f WHERE f.status = 'OPEN' AND f.rule_id = :rule"
                    + " AND f.encounter_id = s.encounter_id)");
            params.put("rule", filter.ruleId());
        }
        LocalDate today = LocalDate.now(clock);
        params.put("today", today);
        String outer = "";
        if (filter.minAgeDays() != null) {
            outer = " WHERE q.first_service <= :cutoff";
            params.put("cutoff", today.minusDays(filter.minAgeDays()));
        }
        // billed total and first date of service per encounter, read from ix_charge_queue alone
        String rows = """
                SELECT s.encounter_id, s.open_errors, s.open_warnings, e.practice_id, e.visit_number,
                       p.last_name, p.first_name, c.payer_id, c.payer_name,
                       (SELECT COALESCE(SUM(ch.amount), 0) FROM charge ch WHERE ch.encounter_id = s.encounter_id
                          AND ch.transaction_type <> 'CD' AND ch.status <> 'REVERSED' AND ch.amount >= 0) AS total,
                       COALESCE((SELECT MIN(ch.service_date) FROM charge ch WHERE ch.encounter_id = s.encounter_id),
                                DATE(e.admitted_at)) AS first_service
                """ + QUEUE.replace("JOIN encounter e ON e.id = s.encounter_id",
                "JOIN encounter e ON e.id = s.encounter_id JOIN patient p ON p.id = e.patient_id") + where;
        long matching = jdbc.sql("SELECT COUNT(*) FROM (" + rows + ") q" + outer).params(params)
                .query(Long.class).single();
        params.put("size", filter.size());
        params.put("offset", (long) filter.page() * filter.size());
        List<Entry> entries = jdbc.sql("SELECT q.*, DATEDIFF(:today, q.first_service) AS age FROM (" + rows + ") q"
                        + outer + " ORDER BY " + filter.sort().orderBy + " LIMIT :size OFFSET :offset")
                .params(params)
                .query((rs, n) -> new Entry(rs.getLong("encounter_id"), rs.getLong("practice_id"),
                        rs.getString("visit_number"), rs.getString("last_name"), rs.getString("first_name"),
                        rs.getString("payer_id"), rs.getString("payer_name"), rs.getInt("open_errors"),
                        rs.getInt("open_warnings"), List.of(), rs.getBigDecimal("total"),
                        rs.getObject("first_service", LocalDate.class), rs.getObject("age", Long.class)))
                .list();
        Map<Long, List<String>> rules = results.openRules(entries.stream().map(Entry::encounterId).toList());
        entries = entries.stream().map(e -> new Entry(e.encounterId(), e.practiceId(), e.visitNumber(),
                e.patientLastName(), e.patientFirstName(), e.payerId(), e.payerName(), e.openErrors(),
                e.openWarnings(), rules.getOrDefault(e.encounterId(), List.of()), e.amount(), e.firstService(),
                e.ageDays())).toList();
        long flagged = where.isEmpty() && outer.isEmpty() ? matching
                : jdbc.sql("SELECT COUNT(*) " + QUEUE).query(Long.class).single();
        return new Result(entries, matching, flagged, filter);
    }

    public Options options() {
        List<Long> practices = jdbc.sql("SELECT DISTINCT e.practice_id " + QUEUE + " ORDER BY e.practice_id")
                .query(Long.class).list();
        List<Payer> payers = jdbc.sql("SELECT c.payer_id, MAX(c.payer_name) " + QUEUE
                        + " AND c.payer_id IS NOT NULL GROUP BY c.payer_id ORDER BY c.payer_id")
                .query((rs, n) -> new Payer(rs.getString(1), rs.getString(2))).list();
        List<String> rules = jdbc.sql("SELECT DISTINCT f.rule_id " + QUEUE.replace("WHERE",
                        "JOIN scrub_finding f ON f.encounter_id = s.encounter_id AND f.status = 'OPEN' WHERE")
                        + " ORDER BY f.rule_id")
                .query(String.class).list();
        return new Options(practices, payers, rules);
    }
}
