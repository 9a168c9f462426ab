package org.claimbridge;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The day the date-dependent tests run on (timely filing, future dates, the sample feeds' November visits), so that
 * their results do not age. One class for all of them, so that tests with the same settings share one application
 * context (and one connection pool) instead of each starting its own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedDay {

    public static final Instant DAY = Instant.parse("2026-11-25T12:00:00Z");

    @Bean
    @Primary
    Clock fixedClock() {
        return Clock.fixed(DAY, ZoneOffset.UTC);
    }
}
