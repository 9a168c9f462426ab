package org.claimbridge.web;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.claimbridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role sees only its pages, over real HTTP with a session from a real form login: a coder neither reports, feed
 * health nor admin; a manager reports and feed health, not admin; an admin everything; nobody anonymous anything but
 * the sign-in page, the static files and health. CSRF is enforced on the page forms.
 */
@IntegrationTest
class RoleAccessIT {

    static final String CODER = "hashed";
    static final String CODER_PASSWORD = "hashed-secret";
    static final String MANAGER = "manager";
    static final String MANAGER_PASSWORD = "manager-secret";

    /** Pages every role uses. */
    static final List<String> WORK_PAGES = List.of("/responses/upload", "/queue", "/claims");

    /**
     * Manager pages. The denial report and feed health pages are being built on other branches: until they are
     * merged, a 404 for a role the filter lets through is the evidence that it did (not 403, not sent to /login).
     */
    static final List<String> REPORT_PAGES = List.of("/reports/denials", "/reports/denials/export", "/feeds",
            "/feeds/FAMPRAC");

    static final List<String> ADMIN_PAGES = List.of("/admin", "/admin/users", "/admin/users/" + CODER,
            "/admin/practices", "/admin/providers", "/admin/payers", "/admin/receivers", "/admin/rules",
            "/admin/audit");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCoderGetsTheWorkPagesAnd403OnReportsFeedsAndAdmin() {
        PageSession coder = PageSession.signedIn(port, CODER, CODER_PASSWORD);
        for (String page : WORK_PAGES) {
            assertThat(coder.get(page).statusCode()).as(page).isEqualTo(200);
        }
        for (String page : concat(REPORT_PAGES, ADMIN_PAGES)) {
            assertThat(coder.get(page).statusCode()).as(page).isEqualTo(403);
        }
        // a page hides the links the role may not follow
        String queue = coder.get("/queue").body();
        assertThat(queue).contains("id=\"nav-queue\"").doesNotContain("id=\"nav-admin\"")
                .doesNotContain("id=\"nav-denials\"").doesNotContain("id=\"nav-feeds\"");
    }

    @Test
    void aManagerGetsReportsAndFeedsBut403OnAdmin() {
        PageSession manager = PageSession.signedIn(port, MANAGER, MANAGER_PASSWORD);
        for (String page : WORK_PAGES) {
            assertThat(manager.get(page).statusCode()).as(page).isEqualTo(200);
        }
        for (String page : REPORT_PAGES) {
            assertLetThrough(manager.get(page), page);
        }
        for (String page : ADMIN_PAGES) {
            assertThat(manager.get(page).statusCode()).as(page).isEqualTo(403);
        }
        assertThat(manager.get("/queue").body()).contains("id=\"nav-denials\"").contains("id=\"nav-feeds\"")
                .doesNotContain("id=\"nav-admin\"");
    }

    @Test
    void anAdminGetsEverything() {
        PageSession admin = PageSession.signedIn(port, ApiClient.USER, ApiClient.PASSWORD);
        for (String page : concat(WORK_PAGES, ADMIN_PAGES)) {
            assertThat(admin.get(page).statusCode()).as(page).isEqualTo(200);
        }
        for (String page : REPORT_PAGES) {
            assertLetThrough(admin.get(page), page);
        }
        assertThat(admin.get("/queue").body()).contains("id=\"nav-admin\"");
    }

    @Test
    void nobodyAnonymousGetsAnything_onlyTheSignInPageStaticFilesAndHealthAnswer() {
        PageSession anonymous = new PageSession(port);
        for (String page : concat(concat(WORK_PAGES, REPORT_PAGES), concat(ADMIN_PAGES, List.of("/", "/queue/1",
                "/claims/1", "/messages", "/messages/1", "/actuator/info")))) {
            HttpResponse<String> response = anonymous.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(page).hasValueSatisfying(l -> assertThat(l)
                    .endsWith("/login"));
        }
        for (String api : List.of("/api/messages", "/api/messages/1", "/api/claims/1", "/api/claims/1/lineage",
                "/api/encounters/1/scrub", "/api/jobs/scrub", "/api/claims/at-risk", "/api/denials/1")) {
            assertThat(anonymous.get(api).statusCode()).as(api).isEqualTo(401);
        }
        assertThat(anonymous.get("/login").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/css/app.css").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/webjars/chart.js/dist/chart.umd.min.js").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
        // a sign-in POST without the form's token is refused before the password is even looked at
        assertThat(anonymous.post("/login", Map.of("username", ApiClient.USER, "password", ApiClient.PASSWORD))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void everyRoleUsesTheApiWithBasicAuthentication() {
        assertThat(new ApiClient(port, CODER, CODER_PASSWORD).get("/api/messages?size=1").statusCode())
                .isEqualTo(200);
        assertThat(new ApiClient(port, MANAGER, MANAGER_PASSWORD).get("/api/messages?size=1").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aPageFormPostWithoutTheCsrfTokenIsRefusedAndChangesNothing_withItItWorks() {
        PageSession admin = PageSession.signedIn(port, ApiClient.USER, ApiClient.PASSWORD);
        String name = "csrf" + System.nanoTime() % 1_000_000;
        Map<String, String> form = Map.of("name", name, "password", "a-long-enough-password", "roles", "CODER");

        HttpResponse<String> refused = admin.post("/admin/users", form);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(users(name)).isZero();
        HttpResponse<String> wrongToken = admin.post("/admin/users", with(form, "_csrf", "not-the-token"));
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(users(name)).isZero();

        HttpResponse<String> created = admin.post("/admin/users", with(form, "_csrf", admin.tokenOf("/admin/users")));
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/admin/users");
        assertThat(users(name)).isOne();

        // the same for a coder's form: scrubbing an encounter again without the token is refused
        PageSession coder = PageSession.signedIn(port, CODER, CODER_PASSWORD);
        long actions = jdbc.sql("SELECT COUNT(*) FROM scrub_action").query(Long.class).single();
        assertThat(coder.post("/queue/1/scrub", Map.of()).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scrub_action").query(Long.class).single()).isEqualTo(actions);
    }

    /** The filter chain let the request through: the page answered (or does not exist yet on this branch). */
    private static void assertLetThrough(HttpResponse<String> response, String page) {
        assertThat(response.statusCode()).as(page).isNotEqualTo(403).isIn(200, 404);
        assertThat(response.headers().firstValue("Location")).as(page).isEmpty();
    }

    private long users(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE username = ?").param(name).query(Long.class).single();
    }

    private static Map<String, String> with(Map<String, String> form, String key, String value) {
        Map<String, String> copy = new java.util.HashMap<>(form);
        copy.put(key, value);
        return copy;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
