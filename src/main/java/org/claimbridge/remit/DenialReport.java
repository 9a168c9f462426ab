package org.claimbridge.remit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.claimbridge.codes.Code;
import org.claimbridge.codes.CodeSet;
import org.claimbridge.codes.CodeSets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The denial report managers read: over a range of days on which 835s were applied, claims adjudicated and denied,
 * the denial rate, amounts billed and denied, by payer, practice, rendering provider, CARC, denial category or month,
 * and the claims behind each figure.
 * <p>
 * An <em>adjudicated</em> claim is one an 835 answered with a claim payment (CLP) that was not a reversal and has
 * not been reversed since; it is <em>denied</em> when that CLP carried at least one denial (an adjustment that is
 * neither contractual nor the patient's share, whole claim or one line). The denial rate is denied / adjudicated;
 * billed is CLP03, denied the sum of the denials' amounts. Figures come from the ledger {@link DenialLedger} keeps.
 */
@Service
@Transactional(readOnly = true)
public class DenialReport {

    /** What the report is grouped by; {@link #key()} is how pages and CSV name it. */
    public enum Dimension {
        PAYER, PRACTICE, PROVIDER, CARC, CATEGORY, MONTH;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Dimension> of(String key) {
            return Arrays.stream(values()).filter(d -> d.key().equals(key)).findFirst();
        }
    }

    /** Days on which the 835s were applied, both included (UTC). */
    public record Range(LocalDate from, LocalDate to) {
        public Range {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("to " + to + " is before from " + from);
            }
        }
    }

    /**
     * One line of the report. For a CARC or category, {@code adjudicated} is every claim adjudicated in the range
     * and {@code billed} what the claims denied for that reason billed.
     */
    public record Group(String value, String label, long adjudicated, long denied, BigDecimal billed,
                        BigDecimal deniedAmount) {
        /** Percent, one decimal; null when nothing was adjudicated. */
        public BigDecimal rate() {
            return percent(denied, adjudicated);
        }
    }

    public record Month(YearMonth month, long adjudicated, long denied, BigDecimal billed, BigDecimal deniedAmount) {
        public BigDecimal rate() {
            return percent(denied, adjudicated);
        }
    }

    public record TopCarc(String carc, String description, String category, long claims, BigDecimal amount) {
    }

    /** A claim behind a figure: its adjudication in the range and the reasons it was denied for. */
    public record DeniedClaim(long claimId, String patientControlNumber, String status, String payerId,
                              String payerName, long practiceId, String practiceName, String renderingNpi,
                              String renderingName, LocalDate adjudicatedOn, BigDecimal billed, BigDecimal paid,
                              BigDecimal deniedAmount, String reasons) {
    }

    public record ClaimPage(List<DeniedClaim> rows, int number, boolean more) {
    }

    public static final int PAGE_SIZE = 100;

    private final JdbcClient jdbc;
    private final CodeSets codes;
    private final DenialCategories categories;

    DenialReport(JdbcClient jdbc, CodeSets codes, DenialCategories categories) {
        this.jdbc = jdbc;
        this.codes = codes;
        this.categories = categories;
    }

    public Group totals(Range range) {
        return summed("all", range).stream().findFirst()
                .orElse(new Group("", "all claims", 0, 0, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    /** The report's lines, the most money denied first (by month: in order of the months). */
    public List<Group> groups(Dimension by, Range range) {
        return switch (by) {
            case PAYER, PRACTICE, PROVIDER -> summed(by.key(), range).stream()
                    .map(g -> g.label() != null ? g : new Group(g.value(), unnamed(by, g.value()), g.adjudicated(),
                            g.denied(), g.billed(), g.deniedAmount())).toList();
            case CARC, CATEGORY -> {
                long adjudicated = totals(range).adjudicated();
                yield summed(by.key(), range).stream().map(g -> new Group(g.value(),
                        by == Dimension.CARC ? carcDescription(g.value()) : g.value(), adjudicated, g.denied(),
                        g.billed(), g.deniedAmount())).toList();
            }
            case MONTH -> trend(range).stream().filter(m -> m.adjudicated() > 0).map(m -> new Group(
                    m.month().toString(), m.month().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                    + m.month().getYear(), m.adjudicated(), m.denied(), m.billed(), m.deniedAmount()))
                    .toList();
        };
    }

    /** Every month of the range, those without adjudications as zeros, for the trend chart. */
    public List<Month> trend(Range range) {
        List<Month> found = jdbc.sql("""
                        SELECT DATE_FORMAT(day, '%Y-%m') month, SUM(adjudicated), SUM(denied), SUM(charge),
                            SUM(denied_amount)
                        FROM denial_summary WHERE dimension = 'all' AND day BETWEEN ? AND ?
                        GROUP BY DATE_FORMAT(day, '%Y-%m')""")
                .params(range.from(), range.to())
                .query((rs, n) -> new Month(YearMonth.parse(rs.getString(1)), rs.getLong(2), rs.getLong(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5))).list();
        return everyMonth(range, found);
    }

    /** The CARCs that denied the most claims, with their descriptions and categories. */
    public List<TopCarc> topCarcs(Range range, int limit) {
        return jdbc.sql("""
                        SELECT value, SUM(denied), SUM(denied_amount) FROM denial_summary
                        WHERE dimension = 'carc' AND day BETWEEN ? AND ?
                        GROUP BY value HAVING SUM(denied) > 0
                        ORDER BY SUM(denied) DESC, SUM(denied_amount) DESC, value LIMIT ?""")
                .params(range.from(), range.to(), limit)
                .query((rs, n) -> {
                    String carc = rs.getString(1);
                    return new TopCarc(carc, carcDescription(carc), categories.of(null, carc).name(), rs.getLong(2),
                            rs.getBigDecimal(3));
                }).list();
    }

    /** The denied claims behind one line of the report, the most money denied first, a page at a time. */
    public ClaimPage claims(Dimension by, String value, Range range, int page) {
        List<DeniedClaim> rows = select(by, value, range,
                " LIMIT " + (PAGE_SIZE + 1) + " OFFSET " + (long) Math.max(page, 0) * PAGE_SIZE).list();
        boolean more = rows.size() > PAGE_SIZE;
        return new ClaimPage(more ? rows.subList(0, PAGE_SIZE) : rows, Math.max(page, 0), more);
    }

    /** Every denied claim behind one line of the report, one at a time (for the CSV export). */
    public void eachClaim(Dimension by, String value, Range range, Consumer<DeniedClaim> each) {
        try (var rows = select(by, value, range, "").stream()) {
            rows.forEach(each);
        }
    }

    /**
     * Whether a drill-down value can name a line of the report: a practice id is a number, a month is yyyy-mm.
     * Anything else simply matches no claim.
     */
    public static Optional<String> invalidValue(Dimension by, String value) {
        if (value == null) {
            return Optional.of("value: missing (the " + by.key() + " to list the claims of)");
        }
        if (by == Dimension.PRACTICE && !value.matches("\\d{1,18}")) {
            return Optional.of("value: '" + value + "' is not a practice id");
        }
        if (by == Dimension.MONTH) {
            try {
                YearMonth.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.of("value: '" + value + "' is not a month (yyyy-mm)");
            }
        }
        return Optional.empty();
    }

    private JdbcClient.MappedQuerySpec<DeniedClaim> select(Dimension by, String value, Range range, String page) {
        Range within = range;
        String source = "claim_adjudication a";
        String condition = "";
        Map<String, Object> params = new HashMap<>();
        switch (by) {
            case PAYER -> condition = " AND a.payer_id = :value";
            case PRACTICE -> condition = " AND a.practice_id = :value";
            case PROVIDER -> condition = " AND a.rendering_npi = :value";
            case CARC, CATEGORY -> source = "(SELECT DISTINCT claim_payment_id FROM denial WHERE " + by.key()
                    + " = :value) dd JOIN claim_adjudication a ON a.claim_payment_id = dd.claim_payment_id";
            case MONTH -> {
                YearMonth month = YearMonth.parse(value);
                LocalDate from = month.atDay(1).isAfter(range.from()) ? month.atDay(1) : range.from();
                LocalDate to = month.atEndOfMonth().isBefore(range.to()) ? month.atEndOfMonth() : range.to();
                within = to.isBefore(from) ? null : new Range(from, to);
            }
        }
        if (by != Dimension.MONTH) {
            params.put("value", value);
        }
        if (within == null) {
            // a month outside the range: nothing, with the same query shape
            within = range;
            condition = " AND FALSE";
        }
        params.put("from", within.from());
        params.put("to", within.to());
        // the page is chosen from the ledger alone, and only its rows are joined to claims, encounters and denials:
        // joining first made a line of tens of thousands of denied claims take seconds
        return jdbc.sql("""
                        SELECT a.claim_id, c.patient_control_number, c.status, a.payer_id, c.payer_name, a.practice_id,
                            pr.name practice_name, a.rendering_npi, e.attending_name, a.adjudicated_on, a.charge,
                            a.paid, a.denied_amount,
                            (SELECT GROUP_CONCAT(DISTINCT CONCAT(d.group_code, '-', d.carc) ORDER BY d.carc
                                SEPARATOR ', ') FROM denial d WHERE d.claim_payment_id = a.claim_payment_id) reasons
                        FROM (SELECT a.* FROM %s
                              WHERE a.adjudicated_on BETWEEN :from AND :to AND NOT a.reversed AND a.denials > 0%s
                              ORDER BY a.denied_amount DESC, a.claim_payment_id DESC%s) a
                        JOIN claim c ON c.id = a.claim_id
                        LEFT JOIN practice pr ON pr.id = a.practice_id
                        LEFT JOIN encounter e ON e.id = c.encounter_id
                        ORDER BY a.denied_amount DESC, a.claim_payment_id DESC""".formatted(source, condition, page))
                .params(params).query(DenialReport::claim);
    }

    private static DeniedClaim claim(ResultSet rs, int n) throws SQLException {
        return new DeniedClaim(rs.getLong("claim_id"), rs.getString("patient_control_number"), rs.getString("status"),
                rs.getString("payer_id"), rs.getString("payer_name"), rs.getLong("practice_id"),
                rs.getString("practice_name"), rs.getString("rendering_npi"), rs.getString("attending_name"),
                rs.getObject("adjudicated_on", LocalDate.class), rs.getBigDecimal("charge"), rs.getBigDecimal("paid"),
                rs.getBigDecimal("denied_amount"), rs.getString("reasons"));
    }

    private List<Group> summed(String dimension, Range range) {
        return jdbc.sql("""
                        SELECT value, MAX(label), SUM(adjudicated), SUM(denied), SUM(charge), SUM(denied_amount)
                        FROM denial_summary WHERE dimension = ? AND day BETWEEN ? AND ?
                        GROUP BY value HAVING SUM(adjudicated) > 0 OR SUM(denied) > 0
                        ORDER BY SUM(denied_amount) DESC, SUM(denied) DESC, value""")
                .params(dimension, range.from(), range.to())
                .query((rs, n) -> new Group(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6))).list();
    }

    private String carcDescription(String carc) {
        return codes.latest(CodeSet.CARC, carc).map(Code::description).orElse("(not in the CARC code set)");
    }

    private static String unnamed(Dimension by, String value) {
        if (value.isEmpty()) {
            return by == Dimension.PROVIDER ? "no attending provider on the encounter" : "no payer id";
        }
        return by == Dimension.PRACTICE ? "practice " + value : value;
    }

    /** part / whole as a percent with one decimal, half up; null for an empty whole. */
    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** The months found, with a zero month for each month of the range that has none, in order. */
    static List<Month> everyMonth(Range range, List<Month> found) {
        Map<YearMonth, Month> byMonth = found.stream().collect(Collectors.toMap(Month::month, m -> m));
        List<Month> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(range.from()); !m.isAfter(YearMonth.from(range.to())); m = m.plusMonths(1)) {
            months.add(byMonth.getOrDefault(m, new Month(m, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO)));
        }
        return months;
    }
}
