package org.claimbridge.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.claimbridge.claim.ClaimStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The claims list page's query: claims newest first, a page at a time, by status and patient control number. */
@Component
@Transactional(readOnly = true)
class ClaimListing {

    static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;

    ClaimListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of the list. */
    record Row(long id, String patientControlNumber, String status, String payerId, String payerName,
               BigDecimal totalCharge, String frequency, Instant createdAt, String fileName) {
    }

    /** A page of rows, and whether there is another after it. */
    record Page(List<Row> rows, int number, boolean more) {
    }

    /**
     * @param status  only claims in this status; null for all
     * @param pcnText only claims whose CLM01 contains this text; null or blank for all
     * @param page    0 for the newest
     */
    Page find(ClaimStatus status, String pcnText, int page) {
        StringBuilder sql = new StringBuilder("""
                SELECT c.id, c.patient_control_number, c.status, c.payer_id, c.payer_name, c.total_charge,
                    c.frequency, c.created_at, i.file_name
                FROM claim c LEFT JOIN x12_interchange i ON i.id = c.interchange_id
                WHERE 1 = 1""");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            sql.append(" AND c.status = ?");
            params.add(status.name());
        }
        if (pcnText != null && !pcnText.isBlank()) {
            sql.append(" AND c.patient_control_number LIKE ?");
            params.add("%" + pcnText.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        int number = Math.max(page, 0);
        sql.append(" ORDER BY c.id DESC LIMIT ? OFFSET ?");
        params.add(PAGE_SIZE + 1);
        params.add((long) number * PAGE_SIZE);
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Row(rs.getLong("id"),
                rs.getString("patient_control_number"), rs.getString("status"), rs.getString("payer_id"),
                rs.getString("payer_name"), rs.getBigDecimal("total_charge"), rs.getString("frequency"),
                instant(rs.getObject("created_at", LocalDateTime.class)), rs.getString("file_name"))).list();
        boolean more = rows.size() > PAGE_SIZE;
        return new Page(more ? rows.subList(0, PAGE_SIZE) : rows, number, more);
    }

    /** The replacement or void that replaced a claim, if one was built. */
    Optional<Long> replacedBy(long claimId) {
        return jdbc.sql("SELECT id FROM claim WHERE replaces_claim_id = ? ORDER BY id DESC LIMIT 1").param(claimId)
                .query(Long.class).optional();
    }

    private static Instant instant(LocalDateTime at) {
        return at == null ? null : at.toInstant(ZoneOffset.UTC);
    }
}
