package org.claimbridge;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Starts every test JVM on an empty, freshly migrated schema, whatever earlier runs left behind. */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabase {

    private static final AtomicBoolean cleaned = new AtomicBoolean();

    @Bean
    FlywayMigrationStrategy cleanOncePerJvm() {
        return flyway -> {
            if (cleaned.compareAndSet(false, true)) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }
}
