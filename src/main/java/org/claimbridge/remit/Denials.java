package org.claimbridge.remit;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.claimbridge.claim.ClaimLineage;
import org.claimbridge.codes.Code;
import org.claimbridge.codes.CodeSet;
import org.claimbridge.codes.CodeSets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Denials as coders and managers see them: the reason (CARC with its description, RARCs), the amount and category,
 * and the billed values the reason points at, each traced to the HL7 message and field that supplied it.
 */
@Service
@Transactional(readOnly = true)
public class Denials {

    private final JdbcClient jdbc;
    private final ClaimLineage lineage;
    private final DenialCategories categories;
    private final CodeSets codes;

    Denials(JdbcClient jdbc, ClaimLineage lineage, DenialCategories categories, CodeSets codes) {
        this.jdbc = jdbc;
        this.lineage = lineage;
        this.categories = categories;
        this.codes = codes;
    }

    /**
     * @param line      the denied claim line, or null for a claim-level adjustment
     * @param tracedTo  the billed values the reason points at, with their sources
     */
    public record Denial(long id, long claimId, long encounterId, Integer line, String group, String carc,
                         String carcDescription, String rarcs, BigDecimal amount, String category, String payerId,
                         Instant at, List<ClaimLineage.BilledValue> tracedTo) {
    }

    public List<Denial> ofClaim(long claimId) {
        // the claim's lineage is worked out once for all its denials
        List<ClaimLineage.BilledValue> billed = lineage.of(claimId).orElse(List.of());
        return jdbc.sql("SELECT * FROM denial WHERE claim_id = ? ORDER BY id").param(claimId)
                .query((rs, n) -> row(rs, billed)).list();
    }

    public Optional<Denial> find(long id) {
        return jdbc.sql("SELECT * FROM denial WHERE id = ?").param(id)
                .query((rs, n) -> row(rs, lineage.of(rs.getLong("claim_id")).orElse(List.of()))).optional();
    }

    private Denial row(ResultSet rs, List<ClaimLineage.BilledValue> billed) throws SQLException {
        long claimId = rs.getLong("claim_id");
        Integer line = rs.getObject("line_number", Integer.class);
        String group = rs.getString("group_code");
        String carc = rs.getString("carc");
        List<String> keys = categories.of(group, carc).elements();
        List<ClaimLineage.BilledValue> traced = billed.stream()
                .filter(v -> keys.stream().anyMatch(k -> points(k, v.element(), line))).toList();
        return new Denial(rs.getLong("id"), claimId, rs.getLong("encounter_id"), line, group, carc,
                codes.latest(CodeSet.CARC, carc).map(Code::description).orElse(null), rs.getString("rarcs"),
                rs.getBigDecimal("amount"), rs.getString("category"), rs.getString("payer_id"),
                rs.getObject("at", LocalDateTime.class).toInstant(ZoneOffset.UTC), traced);
    }

    /** Whether a lineage element ("2400 line 2 procedure code") is one a category key ("line procedure code") means. */
    static boolean points(String key, String element, Integer line) {
        if (key.startsWith("line ")) {
            String what = key.substring("line ".length());
            return line == null ? element.startsWith("2400 line ") && element.endsWith(" " + what)
                    : element.equals("2400 line " + line + " " + what) || element.equals("2400 line " + line
                    + " DTP*472 " + what);
        }
        if (key.equals("diagnosis")) {
            return element.contains("HI diagnosis");
        }
        return !element.startsWith("2400 ") && element.endsWith(key);
    }
}
