package org.claimbridge.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.claimbridge.ClaimbridgeApplication;
import org.claimbridge.IntegrationTest;
import org.claimbridge.bench.SyntheticEncounters;
import org.claimbridge.practice.PracticeDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scrub job killed with SIGKILL mid-run in a child JVM, then started again: the interrupted run is restarted and
 * what it leaves equals a clean run over the same encounters: same states, same findings, none twice.
 */
@IntegrationTest
class ScrubRestartIT {

    private static final int SIGKILL_EXIT = 128 + 9;
    private static final int ENCOUNTERS = 3_000;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate template;

    @Autowired
    PracticeDirectory practices;

    @Autowired
    ScrubJobs jobs;

    @Test
    void aRunKilledMidwayAndRestartedEndsAsACleanRunWould() throws Exception {
        HikariDataSource db = dataSource.unwrap(HikariDataSource.class);
        long practiceId = practices.find("FAMPRAC").orElseThrow().id();
        List<Long> ids = SyntheticEncounters.insert(template, practiceId, ENCOUNTERS, 5, 11);

        // small chunks on one thread, so the kill lands with many chunks done and many to go
        Process child = start(db, 1, "*/2 * * * * *");
        long interrupted;
        try {
            long until = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (scrubbed(ids) < 300 && System.nanoTime() < until && child.isAlive()) {
                Thread.sleep(20);
            }
            assertThat(child.isAlive()).as("child alive; see target/scrub-crash-child-1.log").isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isEqualTo(SIGKILL_EXIT);
        } finally {
            child.destroyForcibly();
        }
        int done = scrubbed(ids);
        assertThat(done).as("scrubbed before the kill").isBetween(300, ENCOUNTERS - 1);
        interrupted = jdbc.sql("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'STARTED'")
                .query(Long.class).single();

        Process again = start(db, 2, "-");
        try {
            long until = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (!restartCompleted(interrupted) && System.nanoTime() < until && again.isAlive()) {
                Thread.sleep(100);
            }
            assertThat(restartCompleted(interrupted)).as("restart completed; see target/scrub-crash-child-2.log")
                    .isTrue();
        } finally {
            again.destroy();
            if (!again.waitFor(30, TimeUnit.SECONDS)) {
                again.destroyForcibly();
            }
        }
        assertThat(jdbc.sql("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?").param(interrupted)
                .query(String.class).single()).isEqualTo("FAILED");
        assertThat(scrubbed(ids)).isEqualTo(ENCOUNTERS);
        // each encounter was scrubbed once in effect: one first transition, no live finding twice
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scrub_transition WHERE from_state IS NULL AND encounter_id BETWEEN ? AND ?")
                .params(ids.get(0), ids.get(ids.size() - 1)).query(Integer.class).single()).isEqualTo(ENCOUNTERS);
        List<String> restarted = snapshot(ids);

        template.update("DELETE FROM scrub_finding WHERE encounter_id BETWEEN ? AND ?", ids.get(0), ids.get(ids.size() - 1));
        template.update("DELETE FROM scrub_transition WHERE encounter_id BETWEEN ? AND ?", ids.get(0), ids.get(ids.size() - 1));
        template.update("DELETE FROM encounter_scrub WHERE encounter_id BETWEEN ? AND ?", ids.get(0), ids.get(ids.size() - 1));
        assertThat(jobs.runAndWait("clean run").status()).isEqualTo("COMPLETED");
        List<String> clean = snapshot(ids);

        assertThat(restarted).hasSizeGreaterThan(ENCOUNTERS).isEqualTo(clean);
    }

    private int scrubbed(List<Long> ids) {
        return jdbc.sql("SELECT COUNT(*) FROM encounter_scrub WHERE encounter_id BETWEEN ? AND ?")
                .params(ids.get(0), ids.get(ids.size() - 1)).query(Integer.class).single();
    }

    private boolean restartCompleted(long interrupted) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM BATCH_JOB_EXECUTION x JOIN BATCH_JOB_EXECUTION i
                            ON i.JOB_INSTANCE_ID = x.JOB_INSTANCE_ID
                        WHERE i.JOB_EXECUTION_ID = ? AND x.JOB_EXECUTION_ID > ? AND x.STATUS = 'COMPLETED'""")
                .params(interrupted, interrupted).query(Integer.class).single() > 0;
    }

    /** States and findings, without ids and times, in a fixed order. */
    private List<String> snapshot(List<Long> ids) {
        List<String> rows = jdbc.sql("""
                        SELECT CONCAT_WS('|', encounter_id, state, scrubbed_revision, rule_set_version, open_errors,
                            open_warnings)
                        FROM encounter_scrub WHERE encounter_id BETWEEN ? AND ? ORDER BY encounter_id""")
                .params(ids.get(0), ids.get(ids.size() - 1)).query(String.class).list();
        List<String> findings = jdbc.sql("""
                        SELECT CONCAT_WS('|', encounter_id, rule_id, field, severity, message, status, rule_set_version)
                        FROM scrub_finding WHERE encounter_id BETWEEN ? AND ? ORDER BY encounter_id, rule_id, field""")
                .params(ids.get(0), ids.get(ids.size() - 1)).query(String.class).list();
        return java.util.stream.Stream.concat(rows.stream(), findings.stream()).toList();
    }

    private static Process start(HikariDataSource db, int attempt, String cron) throws IOException {
        Path log = Path.of("target", "scrub-crash-child-" + attempt + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                ClaimbridgeApplication.class.getName(),
                "--spring.profiles.active=test",
                "--spring.datasource.url=" + db.getJdbcUrl(),
                "--spring.datasource.username=" + db.getUsername(),
                "--spring.datasource.password=" + (db.getPassword() == null ? "" : db.getPassword()),
                "--claimbridge.data-dir=target/scrub-crash-data",
                "--claimbridge.inbox.enabled=false",
                "--claimbridge.scrub.cron=" + cron,
                "--claimbridge.scrub.chunk-size=10",
                "--claimbridge.scrub.threads=1",
                "--server.port=0",
                "--spring.main.banner-mode=off");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
