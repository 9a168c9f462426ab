package org.claimbridge.practice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Finds the practice behind a feed by its sending facility (MSH-4). */
@Service
public class PracticeDirectory {

    private static final String COLUMNS = """
            id, sending_facility, name, kind, configured, billing_npi, tin, taxonomy, address_line, city, state,
            postal_code, pay_to_address_line, pay_to_city, pay_to_state, pay_to_postal_code, service_facility_name,
            service_facility_npi, service_facility_address_line, service_facility_city, service_facility_state,
            service_facility_postal_code""";

    private final JdbcClient jdbc;
    private final Set<String> configuredSenders;
    private final boolean rejectUnknownSenders;

    PracticeDirectory(JdbcClient jdbc, PracticeProperties properties) {
        this.jdbc = jdbc;
        // configuration only changes with a restart, so intake can ask this for every message without a query
        this.configuredSenders = properties.practices().stream().map(PracticeProperties.Configured::sendingFacility)
                .collect(Collectors.toUnmodifiableSet());
        this.rejectUnknownSenders = properties.practice().rejectUnknownSenders();
    }

    /** Whether a sending facility is one of the practices set up in configuration. */
    public boolean isConfigured(String sendingFacility) {
        return sendingFacility != null && configuredSenders.contains(sendingFacility);
    }

    /** True when messages from senders that are not configured are to be refused (AR) rather than held. */
    public boolean rejectsUnknownSenders() {
        return rejectUnknownSenders;
    }

    /** Practices set up in configuration, as stored. */
    public List<Practice> configured() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM practice WHERE configured ORDER BY id")
                .query(PracticeDirectory::row).list();
    }

    /** Every practice: the configured ones and the senders seen on a feed but not set up (held), by id. */
    public List<Practice> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM practice ORDER BY id").query(PracticeDirectory::row).list();
    }

    public Optional<Practice> find(String sendingFacility) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM practice WHERE sending_facility = ?").param(sendingFacility)
                .query(PracticeDirectory::row).optional();
    }

    public Optional<Practice> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM practice WHERE id = ?").param(id)
                .query(PracticeDirectory::row).optional();
    }

    /**
     * The practice for a sending facility; one never seen before is recorded as unconfigured, so that its encounters
     * can be kept (and held) until someone sets it up.
     */
    public Practice forSender(String sendingFacility) {
        String sender = sendingFacility == null ? "" : sendingFacility;
        return find(sender).orElseGet(() -> {
            // INSERT IGNORE: a concurrent first sight of the same sender must not fail either caller
            jdbc.sql("""
                    INSERT IGNORE INTO practice (sending_facility, name, kind, configured, created_at)
                    VALUES (?, ?, ?, FALSE, ?)""")
                    .param(sender).param(sender.isEmpty() ? "(no MSH-4)" : sender)
                    .param(PracticeKind.PROFESSIONAL.name())
                    .param(LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                    .update();
            return find(sender).orElseThrow();
        });
    }

    private static Practice row(ResultSet rs, int n) throws SQLException {
        return new Practice(rs.getLong("id"), rs.getString("sending_facility"), rs.getString("name"),
                PracticeKind.valueOf(rs.getString("kind")), rs.getBoolean("configured"), rs.getString("billing_npi"),
                rs.getString("tin"), rs.getString("taxonomy"), rs.getString("address_line"), rs.getString("city"),
                rs.getString("state"), rs.getString("postal_code"), rs.getString("pay_to_address_line"),
                rs.getString("pay_to_city"), rs.getString("pay_to_state"), rs.getString("pay_to_postal_code"),
                rs.getString("service_facility_name") == null ? null : new ServiceFacility(
                        rs.getString("service_facility_name"), rs.getString("service_facility_npi"),
                        rs.getString("service_facility_address_line"), rs.getString("service_facility_city"),
                        rs.getString("service_facility_state"), rs.getString("service_facility_postal_code")));
    }
}
