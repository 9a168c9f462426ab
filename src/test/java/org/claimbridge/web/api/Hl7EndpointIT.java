package org.claimbridge.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.claimbridge.IntegrationTest;
import org.claimbridge.web.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class Hl7EndpointIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private String adt(String controlId) {
        return "MSH|^~\\&|EHR|FAMPRAC|CLAIMBRIDGE|CB|20261103091500||ADT^A04^ADT_A01|" + run + "-" + controlId
                + "|P|2.5.1\rEVN|A04|20261103091500\rPID|1||FP" + run + "^^^FAMPRAC^MR||Quimby^Harold||19520314|M"
                + "\rPV1|1|O" + "|".repeat(17) + "V" + run;
    }

    private static List<String> acks(String body) {
        return List.of(body.split("\n"));
    }

    @Test
    void oneMessageGetsOneAckBuiltFromItsHeader() {
        var response = new ApiClient(port).post("/api/hl7", "application/hl7-v2",
                (adt("1") + "\r").getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("application/hl7-v2"));
        assertThat(response.headers().firstValue("X-Claimbridge-Messages")).hasValue("1");
        assertThat(response.headers().firstValue("X-Claimbridge-Refused")).hasValue("0");
        String ack = ApiClient.text(response);
        assertThat(acks(ack)).singleElement().asString()
                .startsWith("MSH|^~\\&|CLAIMBRIDGE|CB|EHR|FAMPRAC|")
                .contains("\rMSA|AA|" + run + "-1");
        Map<String, Object> row = jdbc.sql("SELECT * FROM hl7_message WHERE control_id = ?").param(run + "-1")
                .query().singleRow();
        assertThat(row).containsEntry("channel", "HTTP").containsEntry("ack_code", "AA");
        assertThat((String) row.get("peer")).startsWith("http:127.0.0.1#1");
    }

    @Test
    void aBatchGetsOneAckPerMessageInOrder() {
        String body = "BHS|^~\\&|EHR|ORTHOGRP\n" + adt("1").replace('\r', '\n') + "\n"
                + adt("2").replace("ADT^A04^ADT_A01", "ADT^A99").replace('\r', '\n') + "\n"
                + adt("3").replace("|2.5.1", "|2.9").replace('\r', '\n') + "\n"
                + adt("4").replace('\r', '\n') + "\nBTS|4\n";
        var response = new ApiClient(port).post("/api/hl7", "text/plain", body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Claimbridge-Messages")).hasValue("4");
        assertThat(response.headers().firstValue("X-Claimbridge-Refused")).hasValue("2");
        assertThat(response.headers().allValues("X-Claimbridge-Batch-Problem")).isEmpty();
        List<String> acks = acks(ApiClient.text(response));
        assertThat(acks).hasSize(4);
        assertThat(acks.get(0)).contains("\rMSA|AA|" + run + "-1");
        assertThat(acks.get(1)).contains("\rMSA|AR|" + run + "-2").contains("\rERR|").contains("201");
        assertThat(acks.get(2)).contains("\rMSA|AR|" + run + "-3").contains("203");
        assertThat(acks.get(3)).contains("\rMSA|AA|" + run + "-4");
        assertThat(jdbc.sql("SELECT peer FROM hl7_message WHERE control_id LIKE ? ORDER BY id")
                .param(run + "-%").query(String.class).list())
                .allSatisfy(p -> assertThat(p).startsWith("http:"))
                .extracting(p -> p.substring(p.indexOf('#'))).containsExactly("#1", "#2", "#3", "#4");
    }

    @Test
    void aBatchWhoseCountIsWrongSaysSoInAHeader() {
        String body = "BHS|^~\\&|EHR|ORTHOGRP\r" + adt("1") + "\rBTS|2\r";
        var response = new ApiClient(port).post("/api/hl7", "text/plain", body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("X-Claimbridge-Batch-Problem"))
                .containsExactly("batch 1: BTS-1 says 2 message(s), 1 found");
    }

    @Test
    void theBodyIsReadAsBytesInTheCharsetMsh18Names() {
        String latin = "MSH|^~\\&|HIS|MERCYOP|CLAIMBRIDGE|CB|20261105080000||ADT^A08^ADT_A01|" + run
                + "-L|P|2.8|||AL|NE||8859/1\rEVN||20261105080000\rPID|1||MO" + run + "^^^MERCYOP^MR||Lef\u00e8vre^Ren\u00e9e"
                + "||19680722|F\rPV1|1|O" + "|".repeat(17) + "V" + run;
        var response = new ApiClient(port).post("/api/hl7", "application/octet-stream",
                latin.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ApiClient.text(response)).contains("MSA|CA|" + run + "-L");
        // the ACK declares no MSH-18 of its own, so it goes out as UTF-8 and says so
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .containsIgnoringCase("charset=UTF-8"));
        String stored = jdbc.sql("SELECT raw_text FROM hl7_message WHERE control_id = ?").param(run + "-L")
                .query(String.class).single();
        assertThat(stored).contains("Lef\u00e8vre^Ren\u00e9e");
    }

    @Test
    void anExactResendGetsTheSameAck() {
        byte[] body = (adt("R") + "\r").getBytes(StandardCharsets.UTF_8);
        String first = ApiClient.text(new ApiClient(port).post("/api/hl7", "text/plain", body));
        String again = ApiClient.text(new ApiClient(port).post("/api/hl7", "text/plain", body));
        assertThat(again).isEqualTo(first);
        assertThat(jdbc.sql("SELECT resend_count FROM hl7_message WHERE control_id = ?").param(run + "-R")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void garbageInTheBodyIsStoredAndAnsweredAe() {
        var response = new ApiClient(port).post("/api/hl7", "text/plain",
                ("hello there\r\n" + adt("G") + "\r\n").getBytes(StandardCharsets.UTF_8));
        List<String> acks = acks(ApiClient.text(response));
        assertThat(acks).hasSize(2);
        assertThat(acks.get(0)).contains("MSA|AE");
        assertThat(acks.get(1)).contains("MSA|AA|" + run + "-G");
        assertThat(response.headers().allValues("X-Claimbridge-Batch-Problem")).singleElement().asString()
                .contains("outside any message");
    }

    @Test
    void anEmptyBodyIsABadRequestWithAJsonReason() {
        var response = new ApiClient(port).post("/api/hl7", "text/plain", "\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(response).get("detail").asString()).contains("no HL7 message");
        var empty = new ApiClient(port).post("/api/hl7", "text/plain", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
    }

    @Test
    void otherContentTypesAreRefused() {
        var response = new ApiClient(port).post("/api/hl7", "application/json", "{}".getBytes());
        assertThat(response.statusCode()).isEqualTo(415);
    }
}
