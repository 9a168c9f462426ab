package org.claimbridge.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.claimbridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages' form login: in headless Chromium, and with a plain HTTP client for what a browser would not send. */
@IntegrationTest
class PageLoginIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anonymousRequestsToAPageAreSentToTheLoginPage() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                uri("/responses/upload")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/login"));

        try (Browser browser = new Browser(port)) {
            browser.open("/responses/upload");
            assertThat(browser.path()).isEqualTo("/login");
            assertThat(browser.has("#username")).isTrue();
            assertThat(browser.has("#logout")).isFalse();
        }
    }

    @Test
    void aWrongPasswordShowsAnErrorTheRightOneLandsOnThePageAndLogoutSignsOut() {
        try (Browser browser = new Browser(port)) {
            browser.open("/responses/upload").signIn(ApiClient.USER, "wrong");
            assertThat(browser.path()).isEqualTo("/login");
            assertThat(browser.text("#login-error")).contains("Wrong user name or password");

            browser.signIn(ApiClient.USER, ApiClient.PASSWORD);
            assertThat(browser.path()).isEqualTo("/responses/upload");
            assertThat(browser.text("header.top")).contains("claimbridge").contains("X12 upload")
                    .contains(ApiClient.USER);
            assertThat(browser.has("form input[type=file]")).isTrue();

            browser.submit("#logout");
            assertThat(browser.path()).isEqualTo("/login");
            assertThat(browser.text("#logged-out")).contains("signed out");
            browser.open("/responses/upload");
            assertThat(browser.path()).isEqualTo("/login");
        }
    }

    @Test
    void aCoderMaySignInToo() {
        try (Browser browser = new Browser(port)) {
            browser.open("/").signIn("hashed", "hashed-secret");
            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.find("header nav a.active").getAttribute("id")).isEqualTo("nav-overview");
            assertThat(browser.text("header.top")).contains("hashed");
        }
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        // the login form itself: the right password without the token does not sign in
        HttpResponse<String> noToken = http.send(form("/login", "username=tester&password=tester-secret"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(403);

        // signed in with the token, then an upload without it: refused, nothing stored
        String token = token(http.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> login = http.send(form("/login", "username=tester&password=tester-secret&_csrf="
                + URLEncoder.encode(token, StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/responses/upload")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);

        long files = jdbc.sql("SELECT COUNT(*) FROM x12_file").query(Long.class).single();
        String boundary = "cb" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"csrf.x12\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nISA*00*~\r\n--" + boundary + "--\r\n";
        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(uri("/responses/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM x12_file").query(Long.class).single()).isEqualTo(files);
    }

    private HttpRequest form(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String token(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token in the login form").isTrue();
        return m.group(1);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
