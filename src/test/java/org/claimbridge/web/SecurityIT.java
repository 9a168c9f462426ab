package org.claimbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.claimbridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class SecurityIT {

    @LocalServerPort
    int port;

    @Test
    void anonymousCallsToTheApiGet401WithABasicChallenge() {
        var response = new ApiClient(port, null, null).get("/api/messages");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Basic"));
        assertThat(new ApiClient(port, null, null).post("/api/hl7", "text/plain", "MSH|".getBytes()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void aWrongPasswordOrUnknownUserGets401() {
        assertThat(new ApiClient(port, "tester", "wrong").get("/api/messages").statusCode()).isEqualTo(401);
        assertThat(new ApiClient(port, "nobody", "tester-secret").get("/api/messages").statusCode()).isEqualTo(401);
    }

    @Test
    void configuredUsersGetIn_plainForTestsAndBcryptHashed() {
        assertThat(new ApiClient(port).get("/api/messages").statusCode()).isEqualTo(200);
        assertThat(new ApiClient(port, "hashed", "hashed-secret").get("/api/messages").statusCode()).isEqualTo(200);
    }

    @Test
    void theApiKeepsNoSession() {
        var response = new ApiClient(port).get("/api/messages");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void healthIsOpenToAll() {
        var response = new ApiClient(port, null, null).get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ApiClient.text(response)).contains("\"status\"");
    }

    @Test
    void everythingElseNeedsASignedInUser_thePagesSendAnonymousCallersToTheLoginForm() {
        for (String path : new String[] {"/", "/actuator/info", "/responses/upload"}) {
            var response = new ApiClient(port, null, null).get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v)
                    .endsWith("/login"));
        }
    }
}
