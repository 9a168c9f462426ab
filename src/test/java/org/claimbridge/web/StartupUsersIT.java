package org.claimbridge.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

import org.claimbridge.IntegrationTest;
import org.claimbridge.system.ClaimbridgeProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The users there are at start: the configured ones in Spring Security's tables with BCrypt passwords, and on a
 * database without any user an {@code admin} with a random password, said once in the log and in an owner-only
 * file, and never again once a user exists.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class StartupUsersIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    StartupUsers startupUsers;

    @Autowired
    ClaimbridgeProperties claimbridge;

    record Saved(String name, String password, boolean enabled, List<String> authorities) {
    }

    @Test
    void configuredUsersAreStoredWithBcryptPasswordsAndTheirRoles() {
        assertThat(password("tester")).startsWith("{bcrypt}$2a$").doesNotContain("tester-secret");
        assertThat(password("hashed")).isEqualTo("{bcrypt}$2a$10$q0qa28gjnaUOEm1KVlu5KOTQ9uZ0WL6UoUjhwKatUxRLGXzowXeTe");
        assertThat(jdbc.sql("SELECT authority FROM authorities WHERE username = 'manager'").query(String.class)
                .list()).containsExactly("ROLE_MANAGER");
    }

    @Test
    void withNoUserAtAllAnAdminIsCreatedOnce_itsPasswordInTheLogAndAnOwnerOnlyFile(CapturedOutput output)
            throws Exception {
        Path file = claimbridge.dataDir().resolve(StartupUsers.PASSWORD_FILE);
        List<Saved> saved = all();
        try {
            // an installation's first start: no user in the database
            transactions.executeWithoutResult(s -> {
                jdbc.sql("DELETE FROM authorities").update();
                jdbc.sql("DELETE FROM users").update();
            });
            assertThat(startupUsers.createFirstAdminIfNoUsers()).isTrue();

            String password = Files.readString(file).strip();
            assertThat(password).hasSize(24);
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE));
            assertThat(output.getOut()).contains("WARN").contains("the user 'admin' (role ADMIN) was created")
                    .contains(password).contains(file.toAbsolutePath().normalize().toString());
            assertThat(password("admin")).startsWith("{bcrypt}$2a$").doesNotContain(password);
            assertThat(jdbc.sql("SELECT authority FROM authorities WHERE username = 'admin'").query(String.class)
                    .list()).containsExactly("ROLE_ADMIN");
            assertThat(new ApiClient(port, "admin", password).get("/api/messages?size=1").statusCode())
                    .isEqualTo(200);
            PageSession.signedIn(port, "admin", password);

            // the next start finds a user: nothing is created, nothing said
            int logged = output.getOut().length();
            long modified = Files.getLastModifiedTime(file).toMillis();
            assertThat(startupUsers.createFirstAdminIfNoUsers()).isFalse();
            assertThat(output.getOut().substring(logged)).doesNotContain("was created");
            assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
            assertThat(Files.readString(file).strip()).isEqualTo(password);
        } finally {
            transactions.executeWithoutResult(s -> {
                jdbc.sql("DELETE FROM authorities").update();
                jdbc.sql("DELETE FROM users").update();
                for (Saved user : saved) {
                    jdbc.sql("INSERT INTO users (username, password, enabled) VALUES (?, ?, ?)").param(user.name())
                            .param(user.password()).param(user.enabled()).update();
                    user.authorities().forEach(a -> jdbc.sql("INSERT INTO authorities (username, authority)"
                            + " VALUES (?, ?)").param(user.name()).param(a).update());
                }
            });
            Files.deleteIfExists(file);
        }
    }

    private String password(String user) {
        return jdbc.sql("SELECT password FROM users WHERE username = ?").param(user).query(String.class).single();
    }

    private List<Saved> all() {
        return jdbc.sql("SELECT username, password, enabled FROM users").query((rs, n) -> new Saved(rs.getString(1),
                rs.getString(2), rs.getBoolean(3), jdbc.sql("SELECT authority FROM authorities WHERE username = ?")
                .param(rs.getString(1)).query(String.class).list())).list();
    }
}
