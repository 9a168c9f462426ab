package org.claimbridge.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.claimbridge.IntegrationTest;
import org.claimbridge.intake.Arrival;
import org.claimbridge.intake.Channel;
import org.claimbridge.intake.Hl7Intake;
import org.claimbridge.intake.Receipt;
import org.claimbridge.web.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class MessagesEndpointIT {

    @LocalServerPort
    int port;

    @Autowired
    Hl7Intake intake;

    /** A sender of this test only, so that other tests' messages do not show in its lists. */
    private final String facility = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final List<Receipt> receipts = new ArrayList<>();

    private Receipt send(String type, String controlId, String mrn, String version, Instant at) {
        String text = "MSH|^~\\&|EHR-" + facility + "|" + facility + "|CLAIMBRIDGE|CB|20261103091500||" + type + "|"
                + facility + "-" + controlId + "|P|" + version + "\rEVN||20261103091500\rPID|1||" + mrn
                + "^^^" + facility + "^MR||Doe^Jane||19800101|F\rPV1|1|O" + "|".repeat(17) + "V" + controlId;
        Receipt receipt = intake.receive(new Arrival(text.getBytes(StandardCharsets.UTF_8), Channel.HTTP, "test",
                at));
        receipts.add(receipt);
        return receipt;
    }

    @BeforeEach
    void fiveMessages() {
        send("ADT^A04^ADT_A01", "1", "M1", "2.5.1", Instant.parse("2026-11-01T10:00:00Z"));
        send("ADT^A08^ADT_A01", "2", "M1", "2.5.1", Instant.parse("2026-11-02T10:00:00Z"));
        send("ADT^A04^ADT_A01", "3", "M2", "2.5.1", Instant.parse("2026-11-03T10:00:00Z"));
        send("ADT^A04^ADT_A01", "4", "M3", "2.9", Instant.parse("2026-11-04T10:00:00Z"));
        send("DFT^P03^DFT_P03", "5", "M1", "2.5.1", Instant.parse("2026-11-05T10:00:00Z"));
    }

    private JsonNode list(String query) {
        var response = new ApiClient(port).get("/api/messages?sender=" + facility + query);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("application/json"));
        return ApiClient.json(response);
    }

    private static List<String> controlIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("controlId").asString()));
        return ids;
    }

    @Test
    void listsASendersMessagesNewestFirst() {
        JsonNode page = list("");
        assertThat(page.get("totalElements").asLong()).isEqualTo(5);
        assertThat(controlIds(page)).containsExactly(facility + "-5", facility + "-4", facility + "-3",
                facility + "-2", facility + "-1");
        JsonNode newest = page.get("items").get(0);
        assertThat(newest.get("sendingFacility").asString()).isEqualTo(facility);
        assertThat(newest.get("messageType").asString()).isEqualTo("DFT");
        assertThat(newest.get("ackCode").asString()).isEqualTo("AA");
        assertThat(newest.get("receivedAt").asString()).isEqualTo("2026-11-05T10:00:00Z");
    }

    @Test
    void senderMatchesTheSendingApplicationToo() {
        var response = new ApiClient(port).get("/api/messages?sender=EHR-" + facility);
        assertThat(ApiClient.json(response).get("totalElements").asLong()).isEqualTo(5);
    }

    @Test
    void pagesCountFromZero() {
        JsonNode first = list("&size=2&page=0");
        JsonNode third = list("&size=2&page=2");
        assertThat(controlIds(first)).containsExactly(facility + "-5", facility + "-4");
        assertThat(controlIds(third)).containsExactly(facility + "-1");
        assertThat(first.get("totalPages").asLong()).isEqualTo(3);
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(third.get("page").asInt()).isEqualTo(2);
    }

    @Test
    void filtersCombine() {
        assertThat(controlIds(list("&type=ADT"))).hasSize(4);
        assertThat(controlIds(list("&type=adt%5EA08"))).containsExactly(facility + "-2");
        assertThat(controlIds(list("&status=rejected"))).containsExactly(facility + "-4");
        assertThat(controlIds(list("&mrn=M1"))).containsExactly(facility + "-5", facility + "-2", facility + "-1");
        assertThat(controlIds(list("&controlId=" + facility + "-3"))).containsExactly(facility + "-3");
        assertThat(controlIds(list("&mrn=M1&type=ADT"))).containsExactly(facility + "-2", facility + "-1");
        assertThat(controlIds(list("&from=2026-11-02&to=2026-11-04"))).containsExactly(facility + "-4",
                facility + "-3", facility + "-2");
        assertThat(controlIds(list("&from=2026-11-02T10:00:00Z&to=2026-11-03T10:00:00Z")))
                .containsExactly(facility + "-2");
    }

    @Test
    void badParametersAre400WithAReason() {
        var status = new ApiClient(port).get("/api/messages?status=LOST");
        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(status).get("detail").asString()).contains("status 'LOST' is not one of")
                .contains("RECEIVED");
        var date = new ApiClient(port).get("/api/messages?from=2026-13-01");
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(date).get("detail").asString()).contains("from '2026-13-01'");
        var to = new ApiClient(port).get("/api/messages?to=yesterday");
        assertThat(ApiClient.json(to).get("detail").asString()).contains("to 'yesterday'");
        var page = new ApiClient(port).get("/api/messages?page=x");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(page).get("detail").asString()).contains("page");
        assertThat(new ApiClient(port).get("/api/messages?size=0").statusCode()).isEqualTo(400);
        assertThat(new ApiClient(port).get("/api/messages?size=100000").statusCode()).isEqualTo(400);
        assertThat(new ApiClient(port).get("/api/messages?page=-1").statusCode()).isEqualTo(400);
    }

    @Test
    void oneMessageInFull() {
        long id = receipts.get(3).messageId();
        var response = new ApiClient(port).get("/api/messages/" + id);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode m = ApiClient.json(response);
        assertThat(m.get("id").asLong()).isEqualTo(id);
        assertThat(m.get("channel").asString()).isEqualTo("HTTP");
        assertThat(m.get("status").asString()).isEqualTo("REJECTED");
        assertThat(m.get("header").get("controlId").asString()).isEqualTo(facility + "-4");
        assertThat(m.get("header").get("version").asString()).isEqualTo("2.9");
        assertThat(m.get("header").get("sendingApplication").asString()).isEqualTo("EHR-" + facility);
        assertThat(m.get("rawText").asString()).startsWith("MSH|^~\\&|EHR-").contains("\rPID|1||M3");
        assertThat(m.get("rawBase64").isNull()).isTrue();
        assertThat(m.get("ack").get("code").asString()).isEqualTo("AR");
        assertThat(m.get("ack").get("text").asString()).contains("MSA|AR|" + facility + "-4");
        assertThat(m.get("error").get("code").asString()).isEqualTo("203");
        assertThat(m.get("error").get("location").asString()).isEqualTo("MSH(1)-12");
        assertThat(m.get("error").get("text").asString()).contains("version '2.9'");
        assertThat(m.get("resendCount").asInt()).isZero();
        assertThat(m.get("conflictWith").isNull()).isTrue();
        assertThat(m.get("changes").isArray()).isTrue();
        assertThat(m.get("patientMrn").asString()).isEqualTo("M3");
    }

    @Test
    void resendsAndConflictsAreLinked() {
        Receipt original = receipts.get(0);
        send("ADT^A04^ADT_A01", "1", "M1", "2.5.1", Instant.parse("2026-11-01T10:00:00Z"));
        Receipt conflict = send("ADT^A04^ADT_A01", "1", "M9", "2.5.1", Instant.parse("2026-11-06T10:00:00Z"));
        JsonNode first = ApiClient.json(new ApiClient(port).get("/api/messages/" + original.messageId()));
        assertThat(first.get("resendCount").asInt()).isEqualTo(1);
        assertThat(first.get("lastResentAt").isNull()).isFalse();
        assertThat(first.get("conflicts").get(0).get("id").asLong()).isEqualTo(conflict.messageId());
        JsonNode second = ApiClient.json(new ApiClient(port).get("/api/messages/" + conflict.messageId()));
        assertThat(second.get("status").asString()).isEqualTo("CONFLICT");
        assertThat(second.get("conflictWith").get("id").asLong()).isEqualTo(original.messageId());
        assertThat(second.get("conflictWith").get("href").asString())
                .isEqualTo("/api/messages/" + original.messageId());
        assertThat(second.get("error").get("code").asString()).isEqualTo("205");
    }

    @Test
    void anUnknownIdIs404WithAJsonReason() {
        var response = new ApiClient(port).get("/api/messages/987654321");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .contains("json"));
        assertThat(ApiClient.json(response).get("detail").asString()).isEqualTo("no message with id 987654321");
        assertThat(new ApiClient(port).get("/api/messages/abc").statusCode()).isEqualTo(400);
    }
}
