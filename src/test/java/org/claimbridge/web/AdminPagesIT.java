package org.claimbridge.web;

import java.util.Map;

import org.claimbridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin pages in headless Chromium: an admin creates a user (every wrong field named first), the user signs in
 * and works, the admin disables them and they can no longer sign in; the last admin cannot be demoted or disabled;
 * the configuration pages show the test profile's practices, receivers, payers and rule set with their sources.
 */
@IntegrationTest
class AdminPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminCreatesAUserWhoSignsIn_thenDisablesThemAndTheyCanNoLongerSignIn() {
        String name = "coder" + System.nanoTime() % 1_000_000;
        String password = "correct-horse-battery";
        PageSession newUser;
        try (Browser browser = new Browser(port)) {
            browser.open("/").signIn(ApiClient.USER, ApiClient.PASSWORD);
            browser.find("#nav-admin").click();
            assertThat(browser.path()).isEqualTo("/admin");
            browser.find("#admin-users").click();
            assertThat(browser.path()).isEqualTo("/admin/users");

            // everything wrong at once: each field says what
            browser.find("#new-role-CODER").click(); // checked by default: now no role
            browser.find("#new-password").sendKeys("short");
            browser.submit("#create");
            assertThat(browser.text("#create-errors")).contains("not created");
            assertThat(browser.text("#error-name")).contains("user name is required");
            assertThat(browser.text("#error-password")).contains("at least 12 characters");
            assertThat(browser.text("#error-roles")).contains("at least one role");
            assertThat(browser.has("#user-" + name)).isFalse();

            // a name taken already (names ignore case)
            browser.find("#new-name").sendKeys("TESTER");
            browser.find("#new-password").sendKeys(password);
            browser.find("#new-role-CODER").click();
            browser.submit("#create");
            assertThat(browser.text("#error-name")).contains("exists already");
            assertThat(browser.has("#error-password")).isFalse();

            browser.find("#new-name").clear();
            browser.find("#new-name").sendKeys(name);
            browser.find("#new-password").sendKeys(password);
            if (!browser.find("#new-role-CODER").isSelected()) {
                browser.find("#new-role-CODER").click();
            }
            browser.submit("#create");
            assertThat(browser.text("#admin-message")).contains("User " + name + " created").contains("CODER");
            assertThat(browser.text("#user-" + name + " .user-roles")).isEqualTo("CODER");
            assertThat(browser.text("#user-" + name + " .user-state")).isEqualTo("enabled");
            assertThat(jdbc.sql("SELECT password FROM users WHERE username = ?").param(name).query(String.class)
                    .single()).startsWith("{bcrypt}$2a$").doesNotContain(password);
            browser.submit("#logout");

            // the new user signs in and works as a coder, without the admin pages
            browser.open("/").signIn(name, password);
            assertThat(browser.path()).isNotEqualTo("/login");
            assertThat(browser.text("header.top")).contains(name);
            assertThat(browser.has("#nav-admin")).isFalse();
            browser.open("/admin/users");
            assertThat(browser.driver().getPageSource()).doesNotContain("id=\"create-user\"");
            browser.open("/claims");
            assertThat(browser.path()).isEqualTo("/claims");
            newUser = PageSession.signedIn(port, name, password);
            assertThat(newUser.get("/claims").statusCode()).isEqualTo(200);
            browser.submit("#logout");

            // the admin disables them
            browser.open("/").signIn(ApiClient.USER, ApiClient.PASSWORD);
            browser.open("/admin/users");
            browser.find("#user-" + name + " a.user-link").click();
            assertThat(browser.text("#user-name")).isEqualTo(name);
            browser.submit("#disable");
            assertThat(browser.text("#admin-message")).contains("disabled");
            assertThat(browser.text("#user-state")).isEqualTo("disabled");
            browser.submit("#logout");

            // they can no longer sign in, and the session they had open is over
            browser.open("/").signIn(name, password);
            assertThat(browser.path()).isEqualTo("/login");
            assertThat(browser.has("#login-error")).isTrue();
            var ended = newUser.get("/claims");
            assertThat(ended.statusCode()).isEqualTo(302);
            assertThat(ended.headers().firstValue("Location").orElseThrow()).contains("/login");
            assertThat(new ApiClient(port, name, password).get("/api/messages?size=1").statusCode()).isEqualTo(401);

            // enabled again with a new password: the old one no longer works
            browser.signIn(ApiClient.USER, ApiClient.PASSWORD);
            browser.open("/admin/users/" + name);
            browser.submit("#enable");
            assertThat(browser.text("#user-state")).isEqualTo("enabled");
            browser.find("#password").sendKeys("tiny");
            browser.submit("#reset-password");
            assertThat(browser.text("#error-password")).contains("at least 12");
            browser.find("#password").sendKeys("another-long-password");
            browser.submit("#reset-password");
            assertThat(browser.text("#admin-message")).contains("reset");
            assertThat(new ApiClient(port, name, password).get("/api/messages?size=1").statusCode()).isEqualTo(401);
            assertThat(new ApiClient(port, name, "another-long-password").get("/api/messages?size=1").statusCode())
                    .isEqualTo(200);

            // changing roles: none is refused, MANAGER opens the reports
            browser.find("#role-CODER").click();
            browser.submit("#save-roles");
            assertThat(browser.text("#error-roles")).contains("at least one role");
            browser.find("#role-MANAGER").click();
            browser.submit("#save-roles");
            assertThat(browser.text("#admin-message")).contains("MANAGER");
        }
        // the audit log has every change, by whom
        assertThat(jdbc.sql("SELECT path FROM audit_event WHERE record_type = 'user' AND record_id = ?"
                + " AND username = ? ORDER BY id").param(name).param(ApiClient.USER).query(String.class).list())
                .containsExactly("/admin/users", "/admin/users/" + name + "/disable",
                        "/admin/users/" + name + "/enable", "/admin/users/" + name + "/password",
                        "/admin/users/" + name + "/roles");
    }

    @Test
    void theLastEnabledAdminCannotBeDemotedOrDisabled() {
        // the test profile's only admin is tester; the tests create coders and managers only
        assertThat(jdbc.sql("""
                SELECT u.username FROM users u JOIN authorities a ON a.username = u.username
                WHERE a.authority = 'ROLE_ADMIN' AND u.enabled""").query(String.class).list())
                .containsExactly(ApiClient.USER);
        PageSession admin = PageSession.signedIn(port, ApiClient.USER, ApiClient.PASSWORD);
        String token = admin.tokenOf("/admin/users");
        var demote = admin.post("/admin/users/" + ApiClient.USER + "/roles", Map.of("roles", "CODER", "_csrf",
                token));
        assertThat(demote.statusCode()).isEqualTo(400);
        assertThat(demote.body()).contains("id=\"error-roles\"").contains("last enabled admin");
        var disable = admin.post("/admin/users/" + ApiClient.USER + "/disable", Map.of("_csrf", token));
        assertThat(disable.statusCode()).isEqualTo(400);
        assertThat(disable.body()).contains("id=\"error-enabled\"").contains("last enabled admin");
        assertThat(admin.get("/admin").statusCode()).isEqualTo(200);

        // with a second admin, that one can be demoted (the first stays)
        String second = "admin" + System.nanoTime() % 1_000_000;
        assertThat(admin.post("/admin/users", Map.of("name", second, "password", "second-admin-password",
                "roles", "ADMIN", "_csrf", token)).statusCode()).isEqualTo(302);
        assertThat(admin.post("/admin/users/" + second + "/roles", Map.of("roles", "CODER", "_csrf", token))
                .statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT authority FROM authorities WHERE username = ?").param(second)
                .query(String.class).list()).containsExactly("ROLE_CODER");
    }

    @Test
    void theConfigurationPagesShowWhatIsConfiguredAndWhereItComesFrom() {
        try (Browser browser = new Browser(port)) {
            browser.open("/admin/practices").signIn(ApiClient.USER, ApiClient.PASSWORD);
            assertThat(browser.path()).isEqualTo("/admin/practices");
            assertThat(browser.text("#practice-FAMPRAC")).contains("Maple Family Practice", "1234567893",
                    "configured", "claimbridge.practices[0]", "application-test.yml");

            browser.find("#admin-receivers").click();
            assertThat(browser.text("#receivers")).contains("MEDICARE", "P production", "06102");

            browser.find("#admin-payers").click();
            assertThat(browser.text("#payer-profiles")).contains("06102");

            browser.find("#admin-rules").click();
            assertThat(browser.text("#rule-version")).isNotBlank().isNotEqualTo("none");
            assertThat(Integer.parseInt(browser.text("#rule-count"))).isPositive();
            assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("#rules .rule-row")))
                    .hasSize(Integer.parseInt(browser.text("#rule-count")));
            assertThat(browser.text("#last-reload")).contains("loaded");

            browser.find("#admin-providers").click();
            assertThat(browser.path()).isEqualTo("/admin/providers");
            browser.find("#admin-audit").click();
            assertThat(browser.path()).isEqualTo("/admin/audit");
        }
    }
}
