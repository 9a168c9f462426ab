package org.claimbridge.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser session as plain HTTP: a cookie jar, a real form login with the CSRF token from the login
 * form, and requests that do not follow redirects, so a test sees the 302 to /login or the 403 itself.
 */
final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    PageSession(int port) {
        this.port = port;
    }

    static PageSession anonymous(int port) {
        return new PageSession(port);
    }

    /** Signs in through the login form; the answer is the form's redirect (to / on success, /login?error if not). */
    static PageSession signedIn(int port, String user, String password) {
        PageSession session = new PageSession(port);
        HttpResponse<String> login = session.signIn(user, password);
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new AssertionError(user + " could not sign in: " + login.statusCode() + " " + location);
        }
        return session;
    }

    HttpResponse<String> signIn(String user, String password) {
        String token = token(get("/login").body());
        return post("/login", Map.of("username", user, "password", password, "_csrf", token));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** A form POST as the browser sends it; put {@code _csrf} in the fields to send the token. */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The CSRF token of a page's forms (every page of the layout has one, in its sign-out form). */
    String tokenOf(String path) {
        return token(get(path).body());
    }

    static String token(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF token in the page");
        }
        return m.group(1);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
