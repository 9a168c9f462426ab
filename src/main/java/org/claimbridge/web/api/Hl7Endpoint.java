package org.claimbridge.web.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.claimbridge.intake.BatchIntake;
import org.claimbridge.intake.Channel;
import org.claimbridge.intake.Hl7Charsets;
import org.claimbridge.intake.Receipt;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * HL7 v2 over HTTP: the body is one message or a batch (as a file would hold it), read as raw bytes so that each
 * message's MSH-18 decides its charset. The answer is 200 with the ACKs, one per message in the order received
 * (more in enhanced mode when the sender asked for accept and application ACKs), each ACK's segments separated by
 * {@code \r} and ACKs separated by {@code \n}. Whether a message was taken is in its ACK (MSA-1), not in the HTTP
 * status: a 200 means every message in the body was stored and answered.
 */
@RestController
class Hl7Endpoint {

    static final MediaType HL7_V2 = MediaType.parseMediaType("application/hl7-v2");

    private final BatchIntake intake;

    Hl7Endpoint(BatchIntake intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/api/hl7", consumes = {"application/hl7-v2", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<byte[]> receive(@RequestBody(required = false) byte[] body, HttpServletRequest request) {
        if (body == null || body.length == 0) {
            throw new BadRequest("the body is empty: send one HL7 v2 message or a batch");
        }
        BatchIntake.Result result = intake.receive(body, Channel.HTTP, "http:" + request.getRemoteAddr(),
                Instant.now());
        if (result.receipts().isEmpty()) {
            throw new BadRequest("the body holds no HL7 message (only blank lines or batch envelope segments)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Set<Charset> charsets = new HashSet<>();
        boolean first = true;
        for (Receipt receipt : result.receipts()) {
            for (String ack : receipt.ack() == null ? List.<String>of() : List.of(receipt.ack().split("\n"))) {
                if (ack.isEmpty()) {
                    continue;
                }
                // each ACK in the charset its MSH-18 names, as each message came in its own
                Charset charset = Hl7Charsets.declaredIn(ack);
                charsets.add(charset);
                if (!first) {
                    out.write('\n');
                }
                out.writeBytes(ack.getBytes(charset));
                first = false;
            }
        }
        long refused = result.receipts().stream().filter(r -> !BatchIntake.Result.accepted(r)).count();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(charsets.size() == 1
                ? new MediaType(HL7_V2, charsets.iterator().next()) : HL7_V2);
        headers.set("X-Claimbridge-Messages", String.valueOf(result.receipts().size()));
        headers.set("X-Claimbridge-Refused", String.valueOf(refused));
        result.batch().problems().forEach(problem -> headers.add("X-Claimbridge-Batch-Problem", problem));
        return ResponseEntity.ok().headers(headers).body(out.toByteArray());
    }
}
