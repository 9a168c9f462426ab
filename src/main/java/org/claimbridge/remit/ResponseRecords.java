package org.claimbridge.remit;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Stores received X12 files, their transaction sets and what they said about claims. */
@Repository
class ResponseRecords {

    private final JdbcClient jdbc;
    private final Clock clock;

    ResponseRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A stored file: its id, and the original when these bytes were received before. */
    record StoredFile(long id, Long duplicateOf) {
    }

    StoredFile store(byte[] content, String sha256, String channel, String name) {
        LocalDateTime now = LocalDateTime.now(clock);
        try {
            return new StoredFile(insert(content, sha256, channel, name, "RECEIVED", null, now), null);
        } catch (DuplicateKeyException sameBytes) {
            long original = jdbc.sql("SELECT id FROM x12_file WHERE original_key = ?").param(sha256)
                    .query(Long.class).single();
            return new StoredFile(insert(content, sha256, channel, name, "DUPLICATE", original, now), original);
        }
    }

    private long insert(byte[] content, String sha256, String channel, String name, String status, Long duplicateOf,
                        LocalDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO x12_file (channel, name, sha256, size_bytes, content, status, duplicate_of,
                            received_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(channel, cut(name, 255), sha256, content.length, content, status, duplicateOf, now)
                .update(key);
        return key.getKey().longValue();
    }

    void fileStatus(long fileId, String status, String error) {
        jdbc.sql("UPDATE x12_file SET status = ?, error = ?, applied_at = ? WHERE id = ?")
                .params(status, cut(error, 2000), LocalDateTime.now(clock), fileId).update();
    }

    /**
     * Records a transaction set as applied. Empty when the same transaction set (sender, ISA13, GS06, ST02) was
     * applied before, from this file or another: it is then not applied again.
     */
    Optional<Long> applying(long fileId, X12Transaction t) {
        try {
            return Optional.of(response(fileId, t, "APPLIED", null));
        } catch (DuplicateKeyException appliedBefore) {
            return Optional.empty();
        }
    }

    long response(long fileId, X12Transaction t, String status, String summary) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO x12_response (file_id, sender_id, isa_control, gs_control, st_control, transaction,
                            version, status, summary, at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(fileId, cut(t.senderId(), 15), cut(t.isaControl(), 9), cut(t.gsControl(), 9),
                        cut(t.stControl(), 9), cut(t.type(), 3), cut(t.version(), 35), status, cut(summary, 2000),
                        LocalDateTime.now(clock))
                .update(key);
        return key.getKey().longValue();
    }

    void summary(long responseId, String summary) {
        jdbc.sql("UPDATE x12_response SET summary = ? WHERE id = ?").params(cut(summary, 2000), responseId).update();
    }

    void acknowledgment(long claimId, long responseId, String kind, boolean accepted, String codes, String detail,
                        String payerClaimNumber) {
        jdbc.sql("""
                        INSERT INTO claim_acknowledgment (claim_id, response_id, kind, accepted, codes, detail,
                            payer_claim_number, at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(claimId, responseId, kind, accepted, cut(codes, 200), cut(detail, 2000),
                        cut(payerClaimNumber, 50), LocalDateTime.now(clock))
                .update();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
