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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session without the browser: signs in through the login form (its CSRF token and session cookie) and
 * then GETs pages and downloads as that user, redirects not followed so that a test sees them.
 */
final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private PageSession(int port) {
        this.port = port;
    }

    static PageSession anonymous(int port) {
        return new PageSession(port);
    }

    static PageSession signedIn(int port, String user, String password) {
        PageSession session = new PageSession(port);
        String login = session.get("/login").body();
        Matcher token = CSRF.matcher(login);
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
        HttpResponse<String> signIn = session.send(HttpRequest.newBuilder(session.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        String location = signIn.headers().firstValue("Location").orElse("");
        if (signIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in as " + user + " failed: " + signIn.statusCode() + " " + location);
        }
        return session;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
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

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
