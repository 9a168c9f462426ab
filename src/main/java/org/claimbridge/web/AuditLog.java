package org.claimbridge.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

/**
 * The {@code audit_event} table: who viewed or changed which record, when, from where, and what the answer was.
 * Written before the data is shown, so a view that cannot be recorded is not shown either.
 */
@Service
class AuditLog {

    static final String VIEW = "VIEW";
    static final String EDIT = "EDIT";

    private static final int PATH_LENGTH = 500;

    /** One row. {@code outcome} is the HTTP status answered, null if the request never finished. */
    record Entry(long id, Instant at, String user, String action, String recordType, String recordId,
                 String method, String path, String from, Integer outcome) {
    }

    /**
     * What the audit page asks for; every part optional.
     *
     * @param from first day (UTC), inclusive
     * @param to   last day (UTC), inclusive
     */
    record Filter(String user, String recordType, String recordId, java.time.LocalDate from, java.time.LocalDate to) {
    }

    record Page(List<Entry> rows, int number, boolean more) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a request as it starts; returns the row's id for {@link #finished}. */
    long started(String user, String action, String recordType, String recordId, String method, String path,
                 String from) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO audit_event (occurred_at, username, action, record_type, record_id, http_method, path,
                    remote_address)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param(user).param(action)
                .param(recordType).param(recordId).param(method)
                .param(path.length() > PATH_LENGTH ? path.substring(0, PATH_LENGTH) : path)
                .param(from == null ? "" : from)
                .update(key, "id");
        return key.getKey().longValue();
    }

    void finished(long id, int status) {
        jdbc.sql("UPDATE audit_event SET outcome = ? WHERE id = ?").param(status).param(id).update();
    }

    /** A change made by a service call rather than seen as a request to a record's path (user accounts). */
    void edit(String user, String recordType, String recordId, String method, String path, String from) {
        long id = started(user, EDIT, recordType, recordId, method, path, from);
        finished(id, 200);
    }

    /** Newest first. */
    Page find(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.user() != null) {
            where.append(" AND username = ?");
            params.add(filter.user());
        }
        if (filter.recordType() != null) {
            where.append(" AND record_type = ?");
            params.add(filter.recordType());
        }
        if (filter.recordId() != null) {
            where.append(" AND record_id = ?");
            params.add(filter.recordId());
        }
        if (filter.from() != null) {
            where.append(" AND occurred_at >= ?");
            params.add(filter.from().atStartOfDay());
        }
        if (filter.to() != null) {
            where.append(" AND occurred_at < ?");
            params.add(filter.to().plusDays(1).atStartOfDay());
        }
        params.add(size + 1);
        params.add(page * size);
        List<Entry> rows = jdbc.sql("SELECT * FROM audit_event" + where + " ORDER BY occurred_at DESC, id DESC"
                + " LIMIT ? OFFSET ?").params(params).query(AuditLog::entry).list();
        boolean more = rows.size() > size;
        return new Page(more ? rows.subList(0, size) : rows, page, more);
    }

    private static Entry entry(ResultSet rs, int n) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getObject("occurred_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getString("username"), rs.getString("action"), rs.getString("record_type"),
                rs.getString("record_id"), rs.getString("http_method"), rs.getString("path"),
                rs.getString("remote_address"), rs.getObject("outcome", Integer.class));
    }
}
