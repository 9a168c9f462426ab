package org.claimbridge.claim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.claimbridge.ClaimbridgeApplication;
import org.claimbridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo run as a user starts it (the {@code demo} profile, on a database of its own and a fresh data folder, in
 * its own JVM): the sample feeds are dropped, taken in, scrubbed, and the two ready visits come out as an 837P in
 * the outbox, valid to the guide.
 */
@IntegrationTest
class DemoRunIT {

    private static final String DATABASE = "claimbridge_demo_it";

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate template;

    @Autowired
    GuideSchemas schemas;

    @Test
    void theDemoRunWritesAn837FromTheDemoFeeds() throws Exception {
        HikariDataSource db = dataSource.unwrap(HikariDataSource.class);
        template.execute("DROP DATABASE IF EXISTS " + DATABASE);
        template.execute("CREATE DATABASE " + DATABASE);
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "demo-run-");
        Path log = Path.of("target", "demo-run-child.log");
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process child = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                ClaimbridgeApplication.class.getName(),
                "--spring.profiles.active=demo",
                "--spring.datasource.url=" + sibling(db.getJdbcUrl()),
                "--spring.datasource.username=" + db.getUsername(),
                "--spring.datasource.password=" + (db.getPassword() == null ? "" : db.getPassword()),
                "--claimbridge.data-dir=" + dataDir,
                "--claimbridge.inbox.poll-interval=500ms",
                "--server.port=" + port,
                "--claimbridge.payer-simulator.poll-interval=1s",
                "--claimbridge.remit.poll-interval=500ms",
                "--claimbridge.mllp.port=0",
                "--spring.main.banner-mode=off"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Path outbox = dataDir.resolve("outbox").resolve("837");
            Optional<Path> file = Optional.empty();
            long until = System.nanoTime() + Duration.ofSeconds(240).toNanos();
            while (file.isEmpty() && System.nanoTime() < until && child.isAlive()) {
                Thread.sleep(500);
                file = claimFile(outbox);
            }
            assertThat(file).as("an 837 in " + outbox + " (child log: " + log + ")").isPresent();

            X12ReadBack.Read read = X12ReadBack.read(file.get(), schemas);
            assertThat(read.errors()).isEmpty();
            assertThat(read.all("ISA").get(0).get(8).trim()).isEqualTo("030240928");
            assertThat(read.all("CLM")).hasSize(2);
            assertThat(read.all("NM1")).extracting(s -> s.get(9)).contains("1EG4TE5MK73", "W284719360");

            // the demo's payer simulator answers the file; the answers come back through the X12 inbox
            List<String> answered = List.of("PAID", "PARTIALLY_PAID", "DENIED", "REJECTED");
            long settle = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            List<String> statuses = List.of();
            while (System.nanoTime() < settle && child.isAlive()) {
                statuses = template.queryForList("SELECT status FROM " + DATABASE + ".claim WHERE frequency = '1'"
                        + " AND payer_sequence = 'P' ORDER BY id", String.class);
                if (statuses.size() == 2 && answered.containsAll(statuses)) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(statuses).as("claim statuses after the simulator's answers (child log: " + log + ")")
                    .hasSize(2).allSatisfy(status -> assertThat(status).isIn(answered));
            assertThat(template.queryForObject("SELECT COUNT(*) FROM " + DATABASE + ".remittance WHERE NOT balanced",
                    Integer.class)).isZero();
            var api = new org.claimbridge.web.ApiClient(port, "demo", "demo");
            for (Long denied : template.queryForList("SELECT DISTINCT claim_id FROM " + DATABASE + ".denial",
                    Long.class)) {
                var denials = org.claimbridge.web.ApiClient.json(api.get("/api/claims/" + denied + "/denials"));
                assertThat(denials.size()).isPositive();
                assertThat(denials.get(0).get("carcDescription").asString()).isNotBlank();
            }
        } finally {
            child.destroy();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
            template.execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
    }

    private static Optional<Path> claimFile(Path outbox) throws IOException {
        if (!Files.isDirectory(outbox)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".837")).findFirst();
        }
    }

    /** The test server's URL with the demo database in place of the test one. */
    private static String sibling(String url) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + DATABASE + params;
    }
}
