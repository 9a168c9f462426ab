package org.claimbridge.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.claimbridge.ClaimbridgeApplication;
import org.claimbridge.remit.DenialLedger;
import org.claimbridge.remit.DenialReport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The denial report at volume: writes N synthetic claims (default 1,000,000) with their 835 remittances, payments
 * and denials straight into a database of its own, builds the report's ledger from them as an upgraded database
 * would, then times the report's queries for every dimension over the default range (the current month and the
 * eleven before it), cold (the first run in a freshly started claimbridge) and warm (the median of five), and the
 * first page of a drill-down into the largest line. Not a test: nothing here asserts a timing.
 * <p>
 * The database is dropped and created again: its name must start with {@code bench}. Arguments: the JDBC URL
 * (default {@code jdbc:mysql://127.0.0.1:3306/bench}), the number of claims. User and password from
 * SPRING_DATASOURCE_USERNAME / SPRING_DATASOURCE_PASSWORD (default root, none).
 * <p>
 * {@code ./mvnw -q test-compile exec:exec -Dexec.executable=java -Dexec.args="-Xmx512m -cp %classpath
 * org.claimbridge.bench.DenialReportBenchmark jdbc:mysql://127.0.0.1:3306/bench 1000000"}
 */
public final class DenialReportBenchmark {

    private static final String DEFAULT_URL = "jdbc:mysql://127.0.0.1:3306/bench";
    private static final String OPTIONS = "useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true";
    private static final int DAYS = 730;
    private static final int PRACTICES = 12;
    private static final int PROVIDERS_PER_PRACTICE = 5;
    private static final String[][] PAYERS = {{"60054", "Aetna"}, {"06102", "Medicare Part B"},
        {"00621", "BCBS of Illinois"}, {"87726", "UnitedHealthcare"}, {"62308", "Cigna"}, {"36273", "AARP Medigap"},
        {"39026", "Humana"}, {"77013", "Illinois Medicaid"}, {"25133", "Anthem"}, {"94265", "Molina"},
        {"13551", "Ambetter"}, {"68069", "Health Alliance"}, {"52133", "Meridian"}, {"31114", "WellCare"},
        {"84980", "Tricare"}};
    /** CARC, category (as claim-rules/denials/carc-categories.csv has them), weight. */
    private static final Object[][] CARCS = {{"16", "registration-eligibility", 14}, {"31", "registration-eligibility",
        10}, {"50", "medical-necessity", 12}, {"97", "coding", 16}, {"29", "timely-filing", 5}, {"197", "authorization",
        9}, {"4", "coding", 8}, {"11", "coding", 6}, {"18", "duplicate", 7}, {"22", "coordination-of-benefits", 4},
        {"27", "registration-eligibility", 5}, {"109", "registration-eligibility", 4}};

    private DenialReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : DEFAULT_URL;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        String user = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "root");
        String password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
        String base = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String database = base.substring(base.lastIndexOf('/') + 1);
        if (!database.startsWith("bench")) {
            throw new IllegalArgumentException("the benchmark drops its database: its name must start with 'bench',"
                    + " not '" + database + "'");
        }
        String jdbcUrl = base + "?" + OPTIONS;
        try (Connection server = DriverManager.getConnection(base.substring(0, base.lastIndexOf('/') + 1) + "?"
                + OPTIONS, user, password); Statement s = server.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
            s.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (ConfigurableApplicationContext app = start(jdbcUrl, user, password)) {
            long start = System.nanoTime();
            int denials = generate(app.getBean(DataSource.class), count, today);
            System.out.printf("(wrote %d claims with their 835 payments and %d denials over %d days in %.1f s)%n",
                    count, denials, DAYS, (System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            app.getBean(DenialLedger.class).rebuild();
            System.out.printf("(built the report's ledger from them in %.1f s)%n", (System.nanoTime() - start) / 1e9);
        }

        // cold: a freshly started claimbridge (its pool, JIT and statement caches cold; MariaDB's own buffer pool
        // is not flushed, that would take a restart of the server)
        try (ConfigurableApplicationContext app = start(jdbcUrl, user, password)) {
            DenialReport report = app.getBean(DenialReport.class);
            DenialReport.Range range = new DenialReport.Range(today.withDayOfMonth(1).minusMonths(11), today);
            Map<DenialReport.Dimension, double[]> timings = new LinkedHashMap<>();
            for (DenialReport.Dimension by : DenialReport.Dimension.values()) {
                double cold = millis(() -> page(report, by, range));
                double[] warm = new double[5];
                for (int i = 0; i < warm.length; i++) {
                    warm[i] = millis(() -> page(report, by, range));
                }
                Arrays.sort(warm);
                List<DenialReport.Group> groups = report.groups(by, range);
                double drill = millis(() -> report.claims(by, groups.get(0).value(), range, 0));
                double drillWarm = millis(() -> report.claims(by, groups.get(0).value(), range, 0));
                timings.put(by, new double[] {cold, warm[2], drill, drillWarm});
                System.out.printf("(by %-8s %3d lines: report cold %6.1f ms, warm %6.1f ms; drill-down into '%s' "
                                + "(%d denied claims) first page cold %6.1f ms, warm %6.1f ms)%n", by.key(),
                        groups.size(), cold, warm[2], groups.get(0).label(), groups.get(0).denied(), drill, drillWarm);
            }
            DenialReport.Group totals = report.totals(range);
            System.out.printf("(default range %s to %s: %d claims adjudicated, %d denied, %s%%, %s denied)%n",
                    range.from(), range.to(), totals.adjudicated(), totals.denied(), totals.rate(),
                    totals.deniedAmount());
            double worstWarm = timings.values().stream().mapToDouble(t -> t[1]).max().orElse(0);
            double worstCold = timings.values().stream().mapToDouble(t -> t[0]).max().orElse(0);
            System.out.printf("(slowest dimension cold: %.0f ms)%n", worstCold);
            System.out.printf("denials report: %.0f ms at %d claims%n", worstWarm, count);
        }
    }

    /** What the report page reads for one dimension. */
    private static Object page(DenialReport report, DenialReport.Dimension by, DenialReport.Range range) {
        return List.of(report.totals(range), report.groups(by, range), report.topCarcs(range, 10),
                report.trend(range));
    }

    private static double millis(Supplier<Object> work) {
        long start = System.nanoTime();
        work.get();
        return (System.nanoTime() - start) / 1e6;
    }

    private static ConfigurableApplicationContext start(String url, String user, String password) {
        return new SpringApplicationBuilder(ClaimbridgeApplication.class).logStartupInfo(false)
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password, "--claimbridge.mllp.port=0", "--server.port=0",
                        "--claimbridge.data-dir=target/bench-data", "--claimbridge.scrub.cron=-",
                        "--claimbridge.scrub.after-changes=0s", "--claimbridge.claims.job.cron=-",
                        "--claimbridge.claims.job.after-scrub=false", "--claimbridge.inbox.enabled=false",
                        "--claimbridge.remit.inbox-enabled=false", "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN");
    }

    /**
     * Practices with five providers each, fifteen payers with their own denial rates, one 835 per payer per day over
     * two years, one adjudicated claim per encounter, about one in six denied (whole claims or one line), a few
     * payments reversed.
     */
    private static int generate(DataSource dataSource, int count, LocalDate today) throws SQLException {
        Random random = new Random(42);
        int denials = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // synthetic rows written in dependency order by one connection: the checks would only slow it
                s.execute("SET FOREIGN_KEY_CHECKS = 0");
                s.execute("SET UNIQUE_CHECKS = 0");
            }
            long[] practices = new long[PRACTICES];
            try (PreparedStatement p = c.prepareStatement("""
                    INSERT INTO practice (sending_facility, name, kind, configured, billing_npi, created_at)
                    VALUES (?, ?, 'PROFESSIONAL', TRUE, '1234567893', UTC_TIMESTAMP(6))""",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < PRACTICES; i++) {
                    p.setString(1, "BENCH" + i);
                    p.setString(2, "Benchmark Practice " + (char) ('A' + i));
                    p.executeUpdate();
                    try (var keys = p.getGeneratedKeys()) {
                        keys.next();
                        practices[i] = keys.getLong(1);
                    }
                }
            }
            // one remittance per payer per day
            int remittances = PAYERS.length * DAYS;
            try (PreparedStatement file = c.prepareStatement("""
                    INSERT INTO x12_file (id, channel, name, sha256, size_bytes, content, status, received_at)
                    VALUES (?, 'FILE', ?, ?, 0, '', 'APPLIED', ?)""");
                 PreparedStatement response = c.prepareStatement("""
                    INSERT INTO x12_response (id, file_id, sender_id, isa_control, gs_control, st_control, transaction,
                        version, status, at)
                    VALUES (?, ?, 'BENCH', ?, '1', '0001', '835', '005010X221A1', 'APPLIED', ?)""");
                 PreparedStatement remittance = c.prepareStatement("""
                    INSERT INTO remittance (id, response_id, payer_id, payer_name, payee_npi, handling_code,
                        payment_amount, payment_method, claims_paid, provider_adjustments, balanced, at)
                    VALUES (?, ?, ?, ?, '1234567893', 'I', 0, 'ACH', 0, 0, TRUE, ?)""")) {
                for (int r = 1; r <= remittances; r++) {
                    Timestamp at = Timestamp.valueOf(day(today, r).atTime(12, 0));
                    String[] payer = PAYERS[(r - 1) / DAYS];
                    file.setLong(1, r);
                    file.setString(2, "835-" + r + ".x12");
                    file.setString(3, String.format("%064d", r));
                    file.setTimestamp(4, at);
                    file.addBatch();
                    response.setLong(1, r);
                    response.setLong(2, r);
                    response.setString(3, String.format("%09d", r));
                    response.setTimestamp(4, at);
                    response.addBatch();
                    remittance.setLong(1, r);
                    remittance.setLong(2, r);
                    remittance.setString(3, payer[0]);
                    remittance.setString(4, payer[1]);
                    remittance.setTimestamp(5, at);
                    remittance.addBatch();
                }
                file.executeBatch();
                response.executeBatch();
                remittance.executeBatch();
            }
            c.commit();

            int carcWeights = Arrays.stream(CARCS).mapToInt(w -> (Integer) w[2]).sum();
            byte[] document = new byte[] {0x1f, (byte) 0x8b};
            try (PreparedStatement encounter = c.prepareStatement("""
                    INSERT INTO encounter (id, practice_id, patient_id, visit_number, patient_class, attending_npi,
                        attending_name, status, revision, changed_at)
                    VALUES (?, ?, ?, ?, 'O', ?, ?, 'ACTIVE', 1, ?)""");
                 PreparedStatement claim = c.prepareStatement("""
                    INSERT INTO claim (id, encounter_id, encounter_revision, lineage_mark, practice_id, kind,
                        payer_sequence, part, payer_id, payer_name, subscriber_id, patient_control_number, frequency,
                        total_charge, line_count, service_from, service_to, receiver, status, document, created_at)
                    VALUES (?, ?, 1, 0, ?, 'PROFESSIONAL', 'P', 1, ?, ?, ?, ?, '1', ?, 2, ?, ?, 'BENCH', ?, ?, ?)""");
                 PreparedStatement payment = c.prepareStatement("""
                    INSERT INTO claim_payment (id, remittance_id, claim_id, patient_control_number, status_code,
                        charge, paid, patient_responsibility, payer_claim_number)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement denial = c.prepareStatement("""
                    INSERT INTO denial (claim_id, encounter_id, claim_payment_id, line_number, group_code, carc,
                        amount, category, payer_id, at)
                    VALUES (?, ?, ?, ?, 'CO', ?, ?, ?, ?, ?)""")) {
                List<long[]> reversals = new ArrayList<>();
                for (int i = 1; i <= count; i++) {
                    int payerIndex = random.nextInt(PAYERS.length);
                    int dayIndex = random.nextInt(DAYS);
                    long remittanceId = (long) payerIndex * DAYS + dayIndex + 1;
                    LocalDate adjudicated = day(today, remittanceId);
                    Timestamp at = Timestamp.valueOf(adjudicated.atTime(12, 0));
                    int practiceIndex = random.nextInt(PRACTICES);
                    int provider = practiceIndex * PROVIDERS_PER_PRACTICE + random.nextInt(PROVIDERS_PER_PRACTICE);
                    String pcn = i + "-1";
                    BigDecimal charge = BigDecimal.valueOf(8_000 + random.nextInt(60_000), 2);
                    // payers deny at their own rates, 8% to 26%
                    boolean denied = random.nextInt(100) < 8 + payerIndex * 18 / PAYERS.length;
                    boolean whole = denied && random.nextInt(5) < 2;
                    BigDecimal deniedAmount = !denied ? BigDecimal.ZERO : whole ? charge
                            : charge.multiply(BigDecimal.valueOf(20 + random.nextInt(50), 2))
                            .setScale(2, RoundingMode.HALF_UP);
                    BigDecimal paid = charge.subtract(deniedAmount).multiply(new BigDecimal("0.65"))
                            .setScale(2, RoundingMode.HALF_UP);
                    String[] payer = PAYERS[payerIndex];

                    encounter.setLong(1, i);
                    encounter.setLong(2, practices[practiceIndex]);
                    encounter.setLong(3, i);
                    encounter.setString(4, "BV" + i);
                    encounter.setString(5, npi(provider));
                    encounter.setString(6, "Provider" + provider + ", Synthetic");
                    encounter.setTimestamp(7, at);
                    encounter.addBatch();
                    claim.setLong(1, i);
                    claim.setLong(2, i);
                    claim.setLong(3, practices[practiceIndex]);
                    claim.setString(4, payer[0]);
                    claim.setString(5, payer[1]);
                    claim.setString(6, "W" + i);
                    claim.setString(7, pcn);
                    claim.setBigDecimal(8, charge);
                    claim.setDate(9, Date.valueOf(adjudicated.minusDays(14)));
                    claim.setDate(10, Date.valueOf(adjudicated.minusDays(14)));
                    claim.setString(11, whole ? "DENIED" : denied ? "PARTIALLY_PAID" : "PAID");
                    claim.setBytes(12, document);
                    claim.setTimestamp(13, Timestamp.valueOf(adjudicated.minusDays(13).atTime(9, 0)));
                    claim.addBatch();
                    payment(payment, i, remittanceId, i, pcn, whole ? "4" : "1", charge, paid, "PAY" + i);
                    if (denied) {
                        int reasons = whole || random.nextInt(10) > 0 ? 1 : 2;
                        BigDecimal left = deniedAmount;
                        for (int d = 0; d < reasons; d++) {
                            Object[] carc = pick(random, carcWeights);
                            BigDecimal amount = d == reasons - 1 ? left
                                    : left.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
                            left = left.subtract(amount);
                            denial.setLong(1, i);
                            denial.setLong(2, i);
                            denial.setLong(3, i);
                            if (whole) {
                                denial.setNull(4, java.sql.Types.INTEGER);
                            } else {
                                denial.setInt(4, d + 1);
                            }
                            denial.setString(5, (String) carc[0]);
                            denial.setBigDecimal(6, amount);
                            denial.setString(7, (String) carc[1]);
                            denial.setString(8, payer[0]);
                            denial.setTimestamp(9, at);
                            denial.addBatch();
                            denials++;
                        }
                    }
                    if (random.nextInt(1000) == 0) {
                        reversals.add(new long[] {i, remittanceId});
                    }
                    if (i % 5_000 == 0 || i == count) {
                        encounter.executeBatch();
                        claim.executeBatch();
                        payment.executeBatch();
                        denial.executeBatch();
                        c.commit();
                        if (i % 100_000 == 0) {
                            System.out.printf("(%d claims written)%n", i);
                        }
                    }
                }
                // a few payments taken back by a later 835 (CLP02 22): they no longer count
                long id = count;
                for (long[] reversal : reversals) {
                    payment(payment, ++id, reversal[1], reversal[0], reversal[0] + "-1", "22", BigDecimal.ZERO,
                            BigDecimal.ZERO, "PAY" + reversal[0]);
                }
                payment.executeBatch();
                c.commit();
            }
            try (Statement s = c.createStatement()) {
                s.execute("SET FOREIGN_KEY_CHECKS = 1");
                s.execute("SET UNIQUE_CHECKS = 1");
            }
        }
        return denials;
    }

    private static void payment(PreparedStatement p, long id, long remittanceId, long claimId, String pcn,
                                String status, BigDecimal charge, BigDecimal paid, String payerClaimNumber)
            throws SQLException {
        p.setLong(1, id);
        p.setLong(2, remittanceId);
        p.setLong(3, claimId);
        p.setString(4, pcn);
        p.setString(5, status);
        p.setBigDecimal(6, status.equals("22") ? charge.negate() : charge);
        p.setBigDecimal(7, status.equals("22") ? paid.negate() : paid);
        p.setBigDecimal(8, BigDecimal.ZERO);
        p.setString(9, payerClaimNumber);
        p.addBatch();
    }

    /** The day of a remittance: remittance r of each payer on day (r - 1) % DAYS before today. */
    private static LocalDate day(LocalDate today, long remittanceId) {
        return today.minusDays((remittanceId - 1) % DAYS);
    }

    private static Object[] pick(Random random, int totalWeight) {
        int n = random.nextInt(totalWeight);
        for (Object[] carc : CARCS) {
            n -= (Integer) carc[2];
            if (n < 0) {
                return carc;
            }
        }
        return CARCS[0];
    }

    /** A ten-digit NPI with a valid check digit (Luhn over 80840 and the first nine digits). */
    static String npi(int provider) {
        String nine = String.valueOf(100_000_000 + provider * 7_919L);
        String digits = "80840" + nine;
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return nine + (10 - sum % 10) % 10;
    }
}
