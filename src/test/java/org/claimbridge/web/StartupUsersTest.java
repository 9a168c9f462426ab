package org.claimbridge.web;

import java.nio.file.Path;
import java.util.List;

import org.claimbridge.system.ClaimbridgeProperties;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How configured users become stored ones, and what configuration is refused (naming the setting). */
class StartupUsersTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final StartupUsers startup = new StartupUsers(null, null, encoder, null,
            new SecurityProperties(List.of(), 12), new ClaimbridgeProperties(Path.of("target")));

    private static SecurityProperties.User user(String name, String password, String... roles) {
        return new SecurityProperties.User(name, password, List.of(roles));
    }

    @Test
    void aNoopPasswordIsStoredBcryptHashed_aBcryptHashAsItIs() {
        List<UserDetails> users = startup.configured(List.of(user("demo", "{noop}demo", "ADMIN"),
                user("coder", "$2a$10$T.2mqcuWbUfuJD4odjMNQemelKaBCPIw07DOY1TKOTWiq.1JsEAnu", "CODER")));
        assertThat(users.get(0).getPassword()).startsWith("{bcrypt}$2a$");
        assertThat(encoder.matches("demo", users.get(0).getPassword())).isTrue();
        assertThat(users.get(1).getPassword()).isEqualTo("{bcrypt}$2a$10$T.2mqcuWbUfuJD4odjMNQemelKaBCPIw07DOY1TKOTWiq"
                + ".1JsEAnu");
        assertThat(encoder.matches("demo-password", users.get(1).getPassword())).isTrue();
        assertThat(users.get(1).getAuthorities()).extracting(Object::toString).containsExactly("ROLE_CODER");
    }

    @Test
    void whatCannotBeStoredIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> startup.configured(List.of(user("a", "plain", "ADMIN"))))
                .hasMessageContaining("claimbridge.security.users[0].password");
        assertThatThrownBy(() -> startup.configured(List.of(user("a", "{noop}x", "ADMIN"), user("A", "{noop}y",
                "CODER")))).hasMessageContaining("users[1].name 'A': configured twice");
        assertThatThrownBy(() -> startup.configured(List.of(user("a", "{noop}x", "ROLE_ADMIN"))))
                .hasMessageContaining("users[0].roles 'ROLE_ADMIN'");
        assertThatThrownBy(() -> startup.configured(List.of(user("a", "{noop}x"))))
                .hasMessageContaining("users[0].roles: at least one");
        assertThatThrownBy(() -> startup.configured(List.of(user("with space", "{noop}x", "CODER"))))
                .hasMessageContaining("users[0].name 'with space'");
        assertThatThrownBy(() -> startup.configured(List.of(user("", "{noop}x", "CODER"))))
                .hasMessageContaining("needs a name and a password");
    }

    @Test
    void theFirstAdminsPasswordIsRandomAndLongEnough() {
        String one = StartupUsers.randomPassword();
        assertThat(one).hasSize(24).matches("[A-Za-z0-9_-]+");
        assertThat(StartupUsers.randomPassword()).isNotEqualTo(one);
    }
}
