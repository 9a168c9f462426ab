package org.claimbridge.bench;


import org.claimbridge.ClaimbridgeApplication;
import org.claimbridge.practice.PracticeDirectory;
import org.claimbridge.scrub.ScrubJobs;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scrub throughput: starts claimbridge in this JVM (on SPRING_DATASOURCE_URL if set, else the embedded MariaDB), writes
 * N synthetic encounters with M charge lines each straight into the billing view, runs the {@code scrub} job over
 * them with the shipped rules and prints encounters per second and the peak heap in use. Not a test: nothing here
 * asserts a timing. Run it with the heap the target names:
 * <p>
 * {@code ./mvnw -q test-compile exec:exec -Dexec.executable=java -Dexec.args="-Xmx512m -cp %classpath
 * org.claimbridge.bench.ScrubBenchmark 100000 5"}
 */
public final class ScrubBenchmark {

    private ScrubBenchmark() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ClaimbridgeApplication.class)
                .logStartupInfo(false)
                .run("--claimbridge.mllp.port=0", "--server.port=0", "--claimbridge.data-dir=target/bench-data",
                        "--claimbridge.scrub.cron=-", "--claimbridge.scrub.after-changes=0s",
                        "--claimbridge.inbox.enabled=false",
                        // the claims job would otherwise start after each scrub run and on its schedule, and build
                        // claims from the encounters the scrub marks ready while the measured run goes on
                        "--claimbridge.claims.job.cron=-", "--claimbridge.claims.job.after-scrub=false",
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN");
        try {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            ScrubJobs jobs = app.getBean(ScrubJobs.class);
            long practiceId = app.getBean(PracticeDirectory.class).forSender("BENCHPRAC").id();
            jdbc.update("UPDATE practice SET configured = TRUE, kind = 'PROFESSIONAL', billing_npi = '1234567893', "
                    + "tin = '12-3456789', taxonomy = '207Q00000X' WHERE id = ?", practiceId);
            // a warm-up run, timed and printed but not the figure: the JIT compiles the hot paths and SpEL compiles
            // the rules during the first tens of thousands of encounters after a start
            int warmUp = Math.min(20_000, count);
            SyntheticEncounters.insert(jdbc, practiceId, warmUp, lines, 7);
            long warmStart = System.nanoTime();
            jobs.runAndWait("benchmark warm-up");
            System.out.printf("(warm-up: %d encounters at %d encounters/s)%n", warmUp,
                    Math.round(warmUp / ((System.nanoTime() - warmStart) / 1e9)));
            SyntheticEncounters.insert(jdbc, practiceId, count, lines, 42);
            System.gc();
            HeapSampler heap = new HeapSampler();
            heap.start();
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            ScrubJobs.ScrubRunStatus run = jobs.runAndWait("benchmark");
            double seconds = (System.nanoTime() - start) / 1e9;
            heap.interrupt();
            long cpuMicros = (os.getProcessCpuTime() - cpuStart) / 1000;
            if (!"COMPLETED".equals(run.status()) || run.written() < count) {
                System.out.println("WARNING: run " + run.status() + ", " + run.written() + " of " + count
                        + " encounters written: " + run.exitDescription());
            }
            Long flagged = jdbc.queryForObject("SELECT COUNT(*) FROM encounter_scrub WHERE state = 'FLAGGED'",
                    Long.class);
            System.out.printf("(%d encounters, %d charge lines each, %d flagged, %.1f s, max heap %d MB, "
                    + "this JVM's CPU %d us an encounter)%n", count, lines, flagged, seconds,
                    Runtime.getRuntime().maxMemory() >> 20, cpuMicros / Math.max(1, run.written()));
            System.out.printf("scrub: %d encounters/s, peak heap %d MB%n", Math.round(run.written() / seconds),
                    heap.peak >> 20);
        } finally {
            app.close();
        }
    }
}
