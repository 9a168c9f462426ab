package org.claimbridge.intake.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.claimbridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The listener over real sockets, against the real database: every answer, and what is kept of every input. */
@IntegrationTest
@TestPropertySource(properties = {
        "claimbridge.mllp.max-message-bytes=64KB",
        "claimbridge.mllp.max-connections=8",
        "claimbridge.mllp.idle-timeout=2s",
        "claimbridge.mllp.frame-timeout=2s"})
class MllpListenerIT {

    private static final AtomicInteger sequence = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000, 36).toUpperCase();

    @Autowired
    MllpListener listener;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.claimbridge.intake.MessageQueries messages;

    static String controlId(String prefix) {
        return prefix + "-" + RUN + "-" + sequence.incrementAndGet();
    }

    static String oru(String controlId) {
        return header("ORU^R01", controlId, "P", "2.5.1", "", "")
                + "PID|1||MRN1001^^^FAMPRAC^MR||TESTPATIENT^ALPHA||19800101|F\r"
                + "OBR|1|||GLU^Glucose\r"
                + "OBX|1|NM|GLU^Glucose||95|mg/dL|||||F\r";
    }

    static String adt(String controlId) {
        return header("ADT^A04", controlId, "P", "2.5.1", "", "")
                + "EVN|A04|20261120101010\r"
                + "PID|1||MRN2002^^^FAMPRAC^MR||TESTPATIENT^BETA||19750505|M\r"
                + "PV1|1|O|CLINIC^^^FAMPRAC||||1234567893^CARE^CAROL||||||||||||V2002\r";
    }

    static String header(String type, String controlId, String processingId, String version, String acceptAck,
                         String applicationAck) {
        return "MSH|^~\\&|LABSYS|FAMPRAC|CLAIMBRIDGE|CBFAC|20261120101010||" + type + "|" + controlId + "|"
                + processingId + "|" + version + "|||" + acceptAck + "|" + applicationAck + "\r";
    }

    private MllpClient connect() throws IOException {
        return MllpClient.local(listener.port());
    }

    private Map<String, Object> stored(String controlId) {
        return jdbc.sql("SELECT * FROM hl7_message WHERE control_id = ?").param(controlId).query().singleRow();
    }

    /** What arrived, as intake gives it back: the journal keeps the bytes apart only where they differ from the text. */
    private byte[] rawBytes(Map<String, Object> row) {
        return messages.find(((Number) row.get("id")).longValue()).orElseThrow().rawBytes();
    }

    private long count(String controlId) {
        return jdbc.sql("SELECT COUNT(*) FROM hl7_message WHERE control_id = ?").param(controlId).query(Long.class)
                .single();
    }

    private static String segment(String ack, String id) {
        return Arrays.stream(ack.split("\r")).filter(s -> s.startsWith(id + "|")).findFirst().orElse(null);
    }

    private static String field(String segment, int n) {
        String[] fields = segment.split("\\|", -1);
        // MSH-1 is the separator itself, so MSH-n sits at index n - 1
        int index = segment.startsWith("MSH") ? n - 1 : n;
        return index < fields.length ? fields[index] : "";
    }

    @Test
    void acknowledgesAnOruAfterStoringItWithTheAckHeaderAsTheStandardSays() throws IOException {
        String id = controlId("ORU");
        try (MllpClient client = connect()) {
            String ack = client.exchange(oru(id));
            String msh = segment(ack, "MSH");
            assertThat(field(msh, 3)).isEqualTo("CLAIMBRIDGE");
            assertThat(field(msh, 4)).isEqualTo("CBFAC");
            assertThat(field(msh, 5)).isEqualTo("LABSYS");
            assertThat(field(msh, 6)).isEqualTo("FAMPRAC");
            assertThat(field(msh, 9)).startsWith("ACK^R01");
            assertThat(field(msh, 10)).isNotBlank().isNotEqualTo(id);
            assertThat(field(msh, 11)).isEqualTo("P");
            assertThat(field(msh, 12)).isEqualTo("2.5.1");
            assertThat(segment(ack, "MSA")).isEqualTo("MSA|AA|" + id);
        }
        Map<String, Object> row = stored(id);
        assertThat(row).containsEntry("channel", "MLLP").containsEntry("status", "NOT_APPLICABLE")
                .containsEntry("sending_application", "LABSYS").containsEntry("sending_facility", "FAMPRAC")
                .containsEntry("message_type", "ORU").containsEntry("trigger_event", "R01")
                .containsEntry("version", "2.5.1").containsEntry("ack_code", "AA");
        assertThat((String) row.get("peer")).startsWith("127.0.0.1:");
        assertThat(new String(rawBytes(row), StandardCharsets.UTF_8)).isEqualTo(oru(id));
    }

    @Test
    void answersManyMessagesOnOneConnectionInOrder() throws IOException {
        try (MllpClient client = connect()) {
            for (int i = 0; i < 20; i++) {
                String id = controlId(i % 2 == 0 ? "ORU" : "ADT");
                String ack = client.exchange(i % 2 == 0 ? oru(id) : adt(id));
                assertThat(segment(ack, "MSA")).isEqualTo("MSA|AA|" + id);
                assertThat(count(id)).isOne();
            }
        }
    }

    @Test
    void storesAnAdtAndAcknowledgesIt() throws IOException {
        String id = controlId("ADT");
        try (MllpClient client = connect()) {
            assertThat(segment(client.exchange(adt(id)), "MSA")).isEqualTo("MSA|AA|" + id);
        }
        // NOT_APPLICABLE until the billing view maps ADT; then RECEIVED, APPLIED or HELD: taken either way
        assertThat((String) stored(id).get("status")).isIn("NOT_APPLICABLE", "RECEIVED", "APPLIED", "HELD");
        assertThat(stored(id)).containsEntry("patient_mrn", "MRN2002").containsEntry("visit_number", "V2002");
    }

    @Test
    void unparseableMessagesGetAeWithTheErrorCodeAndLocation() throws IOException {
        try (MllpClient client = connect()) {
            String id = controlId("NOTYPE");
            String ack = client.exchange(header("", id, "P", "2.5.1", "", "") + "PID|1||M1\r");
            assertThat(field(segment(ack, "MSA"), 1)).isEqualTo("AE");
            assertThat(field(segment(ack, "MSA"), 2)).isEqualTo(id);
            assertThat(segment(ack, "ERR")).contains("MSH^1^9").contains("101");
            assertThat(stored(id)).containsEntry("status", "ERROR").containsEntry("error_code", "101")
                    .containsEntry("error_location", "MSH(1)-9");

            String noVersion = controlId("NOVER");
            ack = client.exchange(header("ORU^R01", noVersion, "P", "", "", "") + "PID|1||M1\r");
            assertThat(field(segment(ack, "MSA"), 1)).isEqualTo("AE");
            assertThat(segment(ack, "ERR")).contains("MSH^1^12").contains("101");
            assertThat(stored(noVersion)).containsEntry("status", "ERROR").containsEntry("error_location", "MSH(1)-12");

            String badBytes = controlId("CHARSET");
            byte[] latin = (header("ORU^R01", badBytes, "P", "2.5.1", "", "").replace("\r", "||UNICODE UTF-8\r")
                    + "PID|1||M1||M\u00dcLLER^ANNA\r").getBytes(StandardCharsets.ISO_8859_1);
            client.sendBytes(MllpClient.frame(latin));
            ack = client.readAck();
            assertThat(field(segment(ack, "MSA"), 1)).isEqualTo("AE");
            assertThat(segment(ack, "ERR")).contains("MSH^1^18").contains("102");
            assertThat(stored(badBytes)).containsEntry("status", "ERROR").containsEntry("error_code", "102");
        }
        try (MllpClient client = connect()) {
            String ack = client.exchange("PID|1||M1\rPV1|1|O\r");
            assertThat(field(segment(ack, "MSA"), 1)).isEqualTo("AE");
            assertThat(segment(ack, "ERR")).contains("100");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM hl7_message WHERE raw_text = ? AND status = 'ERROR'")
                    .param("PID|1||M1\rPV1|1|O").query(Long.class).single()).isPositive();
        }
    }

    @Test
    void unsupportedTypeEventVersionAndProcessingIdGetArWithTheirCodes() throws IOException {
        try (MllpClient client = connect()) {
            assertRejected(client, header("ZZZ^Z01", controlId("TYPE"), "P", "2.5.1", "", ""), "200", "MSH^1^9");
            assertRejected(client, header("ADT^Z99", controlId("EVENT"), "P", "2.5.1", "", ""), "201", "MSH^1^9");
            assertRejected(client, header("ORU^R01", controlId("VERSION"), "P", "2.9", "", ""), "203", "MSH^1^12");
            assertRejected(client, header("ORU^R01", controlId("PROC"), "T", "2.5.1", "", ""), "202", "MSH^1^11");
        }
    }

    private void assertRejected(MllpClient client, String msh, String code, String location) throws IOException {
        String id = field(msh.substring(0, msh.length() - 1), 10);
        String ack = client.exchange(msh + "PID|1||M1\r");
        assertThat(segment(ack, "MSA")).startsWith("MSA|AR|" + id);
        assertThat(segment(ack, "ERR")).contains(code).contains(location);
        assertThat(stored(id)).containsEntry("status", "REJECTED").containsEntry("error_code", code)
                .containsEntry("ack_code", "AR");
    }

    @Test
    void enhancedModeSendsTheAcceptAckAndTheApplicationAckWhenAskedFor() throws IOException {
        try (MllpClient client = connect()) {
            String both = controlId("ENH");
            client.send(header("ORU^R01", both, "P", "2.5.1", "AL", "AL") + "PID|1||M1\r");
            assertThat(segment(client.readAck(), "MSA")).isEqualTo("MSA|CA|" + both);
            assertThat(segment(client.readAck(), "MSA")).isEqualTo("MSA|AA|" + both);

            String acceptOnly = controlId("ENH");
            client.send(header("ORU^R01", acceptOnly, "P", "2.5.1", "AL", "NE") + "PID|1||M1\r");
            assertThat(segment(client.readAck(), "MSA")).isEqualTo("MSA|CA|" + acceptOnly);

            String applicationOnly = controlId("ENH");
            client.send(header("ORU^R01", applicationOnly, "P", "2.5.1", "NE", "AL") + "PID|1||M1\r");
            assertThat(segment(client.readAck(), "MSA")).isEqualTo("MSA|AA|" + applicationOnly);

            String successOnly = controlId("ENH");
            client.send(header("ORU^R01", successOnly, "P", "2.5.1", "SU", "SU") + "PID|1||M1\r");
            assertThat(segment(client.readAck(), "MSA")).isEqualTo("MSA|CA|" + successOnly);
            assertThat(segment(client.readAck(), "MSA")).isEqualTo("MSA|AA|" + successOnly);

            // errors only, and there is none: nothing comes back, yet the message is stored
            String errorsOnly = controlId("ENH");
            client.send(header("ORU^R01", errorsOnly, "P", "2.5.1", "ER", "ER") + "PID|1||M1\r");
            assertThat(client.silentFor(Duration.ofMillis(500))).isTrue();
            assertThat(stored(errorsOnly)).containsEntry("status", "NOT_APPLICABLE");

            String rejected = controlId("ENH");
            client.send(header("ORU^R01", rejected, "P", "2.9", "ER", "AL") + "PID|1||M1\r");
            String commit = client.readAck();
            assertThat(segment(commit, "MSA")).isEqualTo("MSA|CR|" + rejected);
            assertThat(segment(commit, "ERR")).contains("203");
            assertThat(segment(client.readAck(), "MSA")).startsWith("MSA|AR|" + rejected);

            String after = controlId("ENH");
            assertThat(segment(client.exchange(oru(after)), "MSA")).isEqualTo("MSA|AA|" + after);
        }
    }

    @Test
    void anExactResendGetsTheOriginalAckAndIsStoredOnceWhileOtherContentIsAConflict() throws IOException {
        String id = controlId("DUP");
        String first;
        try (MllpClient client = connect()) {
            first = client.exchange(oru(id));
        }
        try (MllpClient client = connect()) {
            assertThat(client.exchange(oru(id))).isEqualTo(first);
            String conflict = client.exchange(oru(id).replace("95|mg/dL", "140|mg/dL"));
            assertThat(segment(conflict, "MSA")).startsWith("MSA|AE|" + id);
            assertThat(segment(conflict, "ERR")).contains("205");
        }
        List<Map<String, Object>> rows = jdbc.sql("SELECT status, resend_count, conflict_with_id, id FROM hl7_message"
                + " WHERE control_id = ? ORDER BY id").param(id).query().listOfRows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("status", "NOT_APPLICABLE").containsEntry("resend_count", 1);
        assertThat(rows.get(1)).containsEntry("status", "CONFLICT").containsEntry("conflict_with_id",
                rows.get(0).get("id"));
    }

    @Test
    void skipsBytesOutsideFramesAndKeepsServingTheConnection() throws IOException {
        String id = controlId("GARBAGE");
        try (MllpClient client = connect()) {
            client.sendBytes("GET / HTTP/1.1\r\n\r\n\u0000\u0001 noise \r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(segment(client.exchange(oru(id)), "MSA")).isEqualTo("MSA|AA|" + id);
            // a frame not followed by 0x0D, then garbage: the ACK still comes, and the next frame is still read
            String noCr = controlId("NOCR");
            byte[] framed = MllpClient.frame(oru(noCr).getBytes(StandardCharsets.UTF_8));
            client.sendBytes(Arrays.copyOf(framed, framed.length - 1));
            assertThat(segment(client.readAck(), "MSA")).isEqualTo("MSA|AA|" + noCr);
            client.sendBytes("\u001c\r\r\n".getBytes(StandardCharsets.ISO_8859_1));
            String next = controlId("GARBAGE");
            assertThat(segment(client.exchange(oru(next)), "MSA")).isEqualTo("MSA|AA|" + next);
        }
        assertThat(count(id)).isOne();
    }

    @Test
    void aFrameOverTheLimitIsReadToItsEndKeptAsRejectedAndAnsweredAr() throws IOException {
        String id = controlId("HUGE");
        StringBuilder huge = new StringBuilder(oru(id));
        while (huge.length() < 200_000) {
            huge.append("NTE|1||").append("x".repeat(990)).append('\r');
        }
        try (MllpClient client = connect()) {
            String ack = client.exchange(huge.toString());
            assertThat(segment(ack, "MSA")).isEqualTo("MSA|AR|" + id);
            assertThat(segment(ack, "ERR")).contains("207");
            assertThat(segment(ack, "MSH")).contains("|CLAIMBRIDGE|CBFAC|LABSYS|FAMPRAC|");
            String next = controlId("AFTERHUGE");
            assertThat(segment(client.exchange(oru(next)), "MSA")).isEqualTo("MSA|AA|" + next);
        }
        Map<String, Object> row = stored(id);
        assertThat(row).containsEntry("status", "REJECTED").containsEntry("ack_code", "AR")
                .containsEntry("error_code", "207");
        assertThat((String) row.get("error_text")).contains(Integer.toString(huge.length())).contains("65536");
        assertThat(rawBytes(row)).hasSize(65536)
                .startsWith(huge.substring(0, 100).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFrameCutOffByTheSenderClosingIsKeptAsAnError() throws IOException {
        String id = controlId("CUT");
        byte[] framed = MllpClient.frame(oru(id).getBytes(StandardCharsets.UTF_8));
        try (MllpClient client = connect()) {
            client.sendBytes(Arrays.copyOf(framed, framed.length - 20));
        }
        await().atMost(10, TimeUnit.SECONDS).until(() -> count(id) == 1);
        Map<String, Object> row = stored(id);
        assertThat(row).containsEntry("status", "ERROR").containsEntry("sending_facility", "FAMPRAC");
        assertThat((String) row.get("error_text")).startsWith("incomplete MLLP frame: the connection closed after "
                + (framed.length - 21) + " bytes");
        assertThat(rawBytes(row)).hasSize(framed.length - 21);
    }

    @Test
    void aFrameInterruptedByANewStartBlockIsKeptAndTheNewFrameAnswered() throws IOException {
        String cut = controlId("RESTART");
        String whole = controlId("RESTART");
        byte[] first = oru(cut).getBytes(StandardCharsets.UTF_8);
        try (MllpClient client = connect()) {
            client.sendBytes(new byte[] {0x0B});
            client.sendBytes(Arrays.copyOf(first, 120));
            assertThat(segment(client.exchange(oru(whole)), "MSA")).isEqualTo("MSA|AA|" + whole);
        }
        Map<String, Object> row = stored(cut);
        assertThat(row).containsEntry("status", "ERROR").containsEntry("ack_code", null);
        assertThat((String) row.get("error_text")).contains("incomplete MLLP frame: a new start block came");
        assertThat(rawBytes(row)).isEqualTo(Arrays.copyOf(first, 120));
    }

    @Test
    void keepsServingOtherConnectionsDuringAndAfterGarbageHugeFramesHalfFramesAndIdleConnections() throws Exception {
        String hugeId = controlId("SLOWHUGE");
        try (MllpClient garbage = connect(); MllpClient idle = connect(); MllpClient huge = connect();
             MllpClient good = connect()) {
            CompletableFuture<Void> noise = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < 200; i++) {
                        garbage.sendBytes("garbage outside any frame ".repeat(40).getBytes(StandardCharsets.US_ASCII));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            // a huge frame, its first half now, the rest later
            StringBuilder big = new StringBuilder(oru(hugeId));
            while (big.length() < 300_000) {
                big.append("NTE|1||").append("y".repeat(990)).append('\r');
            }
            byte[] bigFrame = MllpClient.frame(big.toString().getBytes(StandardCharsets.UTF_8));
            huge.sendBytes(Arrays.copyOf(bigFrame, bigFrame.length / 2));
            // half-frame: a start block and part of a message, never ended
            try (MllpClient hanging = connect()) {
                hanging.sendBytes(Arrays.copyOf(MllpClient.frame(oru(controlId("HANG"))
                        .getBytes(StandardCharsets.UTF_8)), 140));
                for (int i = 0; i < 10; i++) {
                    String id = controlId("DURING");
                    assertThat(segment(good.exchange(oru(id)), "MSA")).isEqualTo("MSA|AA|" + id);
                }
                noise.get(30, TimeUnit.SECONDS);
                huge.sendBytes(Arrays.copyOfRange(bigFrame, bigFrame.length / 2, bigFrame.length));
                assertThat(segment(huge.readAck(), "MSA")).isEqualTo("MSA|AR|" + hugeId);
                String afterGarbage = controlId("AFTERGARBAGE");
                assertThat(segment(garbage.exchange(oru(afterGarbage)), "MSA")).isEqualTo("MSA|AA|" + afterGarbage);
                // the hanging half-frame runs into the frame timeout, the idle connection into the idle timeout
                assertThat(hanging.closedByServerWithin(Duration.ofSeconds(10))).isTrue();
                assertThat(idle.closedByServerWithin(Duration.ofSeconds(10))).isTrue();
            }
            for (int i = 0; i < 10; i++) {
                String id = controlId("AFTER");
                try (MllpClient fresh = connect()) {
                    assertThat(segment(fresh.exchange(oru(id)), "MSA")).isEqualTo("MSA|AA|" + id);
                }
            }
        }
        assertThat(stored(hugeId)).containsEntry("status", "REJECTED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hl7_message WHERE control_id LIKE 'HANG-" + RUN + "-%'"
                + " AND status = 'ERROR' AND error_text LIKE 'incomplete MLLP frame: no end block within%'")
                .query(Long.class).single()).isOne();
    }

    @Test
    void refusesConnectionsOverTheLimitAndTakesNewOnesOnceOthersClose() throws IOException {
        await().atMost(15, TimeUnit.SECONDS).until(() -> listener.openConnections() == 0);
        List<MllpClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                MllpClient client = connect();
                clients.add(client);
                String id = controlId("LIMIT");
                assertThat(segment(client.exchange(oru(id)), "MSA")).isEqualTo("MSA|AA|" + id);
            }
            try (MllpClient extra = connect()) {
                assertThat(extra.closedByServerWithin(Duration.ofSeconds(5))).isTrue();
            }
            clients.remove(0).close();
            await().atMost(10, TimeUnit.SECONDS).until(() -> listener.openConnections() < 8);
            try (MllpClient another = connect()) {
                String id = controlId("LIMIT");
                assertThat(segment(another.exchange(oru(id)), "MSA")).isEqualTo("MSA|AA|" + id);
            }
        } finally {
            for (MllpClient client : clients) {
                client.close();
            }
        }
    }

    @Test
    void closesTheConnectionWithoutAnAckWhenTheCommitFails() throws IOException {
        String failing = controlId("DBFAIL");
        jdbc.sql("CREATE TRIGGER mllp_it_fail BEFORE INSERT ON hl7_message FOR EACH ROW"
                + " BEGIN IF NEW.control_id = '" + failing + "' THEN"
                + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'database unavailable (test)'; END IF; END").update();
        try (MllpClient client = connect()) {
            client.send(oru(failing));
            assertThat(client.closedByServerWithin(Duration.ofSeconds(10))).isTrue();
        } finally {
            jdbc.sql("DROP TRIGGER IF EXISTS mllp_it_fail").update();
        }
        assertThat(count(failing)).isZero();
        try (MllpClient client = connect()) {
            assertThat(segment(client.exchange(oru(failing)), "MSA")).isEqualTo("MSA|AA|" + failing);
        }
        assertThat(count(failing)).isOne();
    }
}
