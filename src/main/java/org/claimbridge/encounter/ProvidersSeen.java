package org.claimbridge.encounter;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The providers the feeds name (PV1-7 attending, PV1-8 referring, FT1-20 performing, FT1-21 ordering), per practice:
 * what administrators check against the NPIs they have on file. Read from the billing view; nothing is kept besides.
 */
@Service
public class ProvidersSeen {

    /** Rows an administrator can read on one page; the busiest providers first within a practice. */
    public static final int LIMIT = 2000;

    /**
     * One provider in one role at one practice.
     *
     * @param role       {@code attending}, {@code referring}, {@code performing} or {@code ordering}
     * @param name       as the feed last gave it (null when it gave none)
     * @param encounters how many encounters name them so
     */
    public record Provider(long practiceId, String npi, String name, String role, long encounters,
                           java.time.Instant lastChanged) {
    }

    private final JdbcClient jdbc;

    ProvidersSeen(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Provider> all() {
        return jdbc.sql("""
                SELECT practice_id, npi, MAX(name) name, role, COUNT(DISTINCT encounter_id) encounters,
                    MAX(changed_at) last_changed
                FROM (
                    SELECT practice_id, attending_npi npi, attending_name name, 'attending' role, id encounter_id,
                        changed_at FROM encounter WHERE attending_npi IS NOT NULL AND attending_npi <> ''
                    UNION ALL
                    SELECT practice_id, referring_npi, referring_name, 'referring', id, changed_at
                        FROM encounter WHERE referring_npi IS NOT NULL AND referring_npi <> ''
                    UNION ALL
                    SELECT e.practice_id, c.performing_npi, c.performing_name, 'performing', e.id, e.changed_at
                        FROM charge c JOIN encounter e ON e.id = c.encounter_id
                        WHERE c.performing_npi IS NOT NULL AND c.performing_npi <> ''
                    UNION ALL
                    SELECT e.practice_id, c.ordering_npi, NULL, 'ordering', e.id, e.changed_at
                        FROM charge c JOIN encounter e ON e.id = c.encounter_id
                        WHERE c.ordering_npi IS NOT NULL AND c.ordering_npi <> ''
                ) named
                GROUP BY practice_id, npi, role
                ORDER BY practice_id, encounters DESC, npi, role
                LIMIT ?""")
                .param(LIMIT)
                .query((rs, n) -> new Provider(rs.getLong("practice_id"), rs.getString("npi"), rs.getString("name"),
                        rs.getString("role"), rs.getLong("encounters"),
                        rs.getObject("last_changed", LocalDateTime.class).toInstant(ZoneOffset.UTC)))
                .list();
    }
}
