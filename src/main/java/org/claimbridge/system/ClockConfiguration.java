package org.claimbridge.system;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock features judge "today" by (scrub's timely filing and future-date rules): UTC, and one bean so a test can
 * fix the date a golden result depends on.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
