package org.claimbridge.intake.mllp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.claimbridge.ClaimbridgeApplication;
import org.claimbridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every message claimbridge acknowledged is in the database after its JVM is killed with SIGKILL mid-stream: the
 * proof that the ACK follows the commit. claimbridge runs as a child JVM on the database this test uses (the CI
 * server or the embedded MariaDB), so that it can be killed without killing the test.
 */
@IntegrationTest
class IntakeCrashIT {

    private static final int SIGKILL_EXIT = 128 + 9;
    private static final int SENDERS = 4;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyAcknowledgedMessageSurvivesKillDashNine() throws Exception {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        int port = freePort();
        String run = "CRASH-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        Set<String> acked = ConcurrentHashMap.newKeySet();

        Process child = start(hikari, port, 1);
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            awaitListening(child, port, 1);
            for (int s = 0; s < SENDERS; s++) {
                String prefix = run + "-" + s + "-";
                senders.submit(() -> stream(port, prefix, acked));
            }
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (acked.size() < 400 && System.nanoTime() < until && child.isAlive()) {
                Thread.sleep(20);
            }
            assertThat(acked).as("ACKs before the kill").hasSizeGreaterThanOrEqualTo(100);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // 128 + 9: the JVM died of SIGKILL, with no shutdown hook or clean stop
            assertThat(child.exitValue()).isEqualTo(SIGKILL_EXIT);
        } finally {
            senders.shutdown();
            assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            child.destroyForcibly();
        }

        Set<String> stored = new HashSet<>(jdbc.sql("SELECT control_id FROM hl7_message WHERE control_id LIKE ?")
                .param(run + "-%").query(String.class).list());
        assertThat(stored).containsAll(acked);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hl7_message WHERE control_id LIKE ?").param(run + "-%")
                .query(Long.class).single()).isEqualTo(stored.size());

        Process again = start(hikari, port, 2);
        try {
            awaitListening(again, port, 2);
            String resent = acked.iterator().next();
            try (MllpClient client = MllpClient.local(port)) {
                assertThat(client.exchange(MllpListenerIT.oru(resent))).contains("\rMSA|AA|" + resent);
                String fresh = run + "-after";
                assertThat(client.exchange(MllpListenerIT.oru(fresh))).contains("\rMSA|AA|" + fresh);
            }
            assertThat(jdbc.sql("SELECT COUNT(*) FROM hl7_message WHERE control_id = ?").param(resent)
                    .query(Long.class).single()).isOne();
        } finally {
            again.destroy();
            if (!again.waitFor(30, TimeUnit.SECONDS)) {
                again.destroyForcibly();
            }
        }
    }

    /** Sends until the connection dies, recording each control id answered AA. */
    private static Void stream(int port, String prefix, Set<String> acked) {
        try (MllpClient client = MllpClient.local(port)) {
            for (int i = 0; ; i++) {
                String id = prefix + i;
                String ack = client.exchange(MllpListenerIT.oru(id));
                if (ack == null) {
                    return null;
                }
                if (ack.contains("\rMSA|AA|" + id)) {
                    acked.add(id);
                }
            }
        } catch (IOException e) {
            return null; // the kill
        }
    }

    private static Process start(HikariDataSource db, int port, int attempt) throws IOException {
        Path log = Path.of("target", "crash-child-" + attempt + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                ClaimbridgeApplication.class.getName(),
                "--spring.datasource.url=" + db.getJdbcUrl(),
                "--spring.datasource.username=" + db.getUsername(),
                "--spring.datasource.password=" + (db.getPassword() == null ? "" : db.getPassword()),
                "--claimbridge.mllp.port=" + port,
                "--claimbridge.data-dir=target/crash-data",
                "--server.port=0",
                "--spring.main.banner-mode=off"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitListening(Process child, int port, int attempt) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < until) {
            if (!child.isAlive()) {
                throw new IllegalStateException("claimbridge exited with " + child.exitValue() + "; see "
                        + Path.of("target", "crash-child-" + attempt + ".log").toAbsolutePath());
            }
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("claimbridge did not listen on MLLP port " + port + " within 180 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
