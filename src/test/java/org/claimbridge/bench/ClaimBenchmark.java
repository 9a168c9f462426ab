package org.claimbridge.bench;

import java.util.List;

import org.claimbridge.ClaimbridgeApplication;
import org.claimbridge.claim.ClaimJobs;
import org.claimbridge.practice.PracticeDirectory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Claims throughput: starts claimbridge in this JVM (on SPRING_DATASOURCE_URL if set, else the embedded MariaDB),
 * writes N synthetic encounters with M charge lines each straight into the billing view, marks them ready as a scrub
 * run would, runs the {@code claims} job (assemble, store, write the 837P file with guide validation) and prints
 * claims written per second and the peak heap in use. Not a test: nothing here asserts a timing.
 * <p>
 * {@code ./mvnw -q test-compile exec:exec -Dexec.executable=java -Dexec.args="-Xmx512m -cp %classpath
 * org.claimbridge.bench.ClaimBenchmark 100000 5"}
 */
public final class ClaimBenchmark {

    private ClaimBenchmark() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ClaimbridgeApplication.class)
                .logStartupInfo(false)
                .run("--claimbridge.mllp.port=0", "--server.port=0", "--claimbridge.data-dir=target/bench-data",
                        "--claimbridge.scrub.cron=-", "--claimbridge.scrub.after-changes=0s",
                        "--claimbridge.claims.job.cron=-", "--claimbridge.claims.job.after-scrub=false",
                        "--claimbridge.inbox.enabled=false",
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN");
        try {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            ClaimJobs jobs = app.getBean(ClaimJobs.class);
            long practiceId = app.getBean(PracticeDirectory.class).forSender("BENCHPRAC").id();
            jdbc.update("""
                    UPDATE practice SET configured = TRUE, kind = 'PROFESSIONAL', name = 'Benchmark Practice',
                        billing_npi = '1234567893', tin = '12-3456789', taxonomy = '207Q00000X',
                        address_line = '1 Bench St', city = 'Springfield', state = 'IL', postal_code = '627011234'
                    WHERE id = ?""", practiceId);
            // the JIT compiles the hot paths during the first tens of thousands: a warm-up run, printed apart
            int warmUp = Math.min(20_000, count);
            ready(jdbc, SyntheticEncounters.insert(jdbc, practiceId, warmUp, lines, 7));
            long warmStart = System.nanoTime();
            jobs.runAndWait("benchmark warm-up");
            System.out.printf("(warm-up: %d encounters at %d encounters/s)%n", warmUp,
                    Math.round(warmUp / ((System.nanoTime() - warmStart) / 1e9)));
            ready(jdbc, SyntheticEncounters.insert(jdbc, practiceId, count, lines, 42));
            System.gc();
            HeapSampler heap = new HeapSampler();
            heap.start();
            long before = written(jdbc);
            long start = System.nanoTime();
            ClaimJobs.ClaimRunStatus run = jobs.runAndWait("benchmark");
            double seconds = (System.nanoTime() - start) / 1e9;
            heap.interrupt();
            long claims = written(jdbc) - before;
            if (!"COMPLETED".equals(run.status())) {
                System.out.println("WARNING: run " + run.status() + ": " + run.exitDescription());
            }
            Long refused = jdbc.queryForObject("SELECT COUNT(*) FROM claim WHERE status = 'INVALID'", Long.class);
            System.out.printf("(%d encounters, %d charge lines each, %d claims written, %d refused by the guide,"
                    + " %.1f s, max heap %d MB)%n", count, lines, claims, refused, seconds,
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("claims: %d claims/s, peak heap %d MB%n", Math.round(claims / seconds),
                    heap.peak >> 20);
        } finally {
            app.close();
        }
    }

    private static long written(JdbcTemplate jdbc) {
        // a claim written into a file is SUBMITTED (the status the responses move on from)
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM claim WHERE status = 'SUBMITTED'", Long.class);
        return n == null ? 0 : n;
    }

    /** What a scrub run leaves for a clean encounter: READY at its revision; performers named as feeds name them. */
    private static void ready(JdbcTemplate jdbc, List<Long> ids) {
        jdbc.update("UPDATE charge SET performing_name = 'Okafor, Adaeze' WHERE performing_name IS NULL");
        jdbc.update("""
                UPDATE encounter SET attending_name = 'Okafor, Adaeze', referring_name = 'Okafor, Adaeze'
                WHERE attending_name IS NULL""");
        long from = ids.get(0);
        long to = ids.get(ids.size() - 1);
        jdbc.update("""
                INSERT INTO encounter_scrub (encounter_id, state, scrubbed_revision, rule_set_version, open_errors,
                    open_warnings, scrubbed_at)
                SELECT id, 'READY', revision, 'benchmark', 0, 0, UTC_TIMESTAMP(6) FROM encounter
                WHERE id BETWEEN ? AND ?""", from, to);
    }
}
