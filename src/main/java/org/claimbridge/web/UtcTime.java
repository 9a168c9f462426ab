package org.claimbridge.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Instants as the admin pages show them, in UTC whatever the server's zone: {@code ${@utc.format(instant)}}. The
 * audit log and load times are compared across machines, so they must not shift with a server's settings.
 */
@Component("utc")
class UtcTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }
}
