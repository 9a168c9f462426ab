package org.claimbridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ClaimbridgeApplicationIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void startsOnARealDatabaseWithTheSchemaMigrated() {
        String product = jdbc.sql("SELECT VERSION()").query(String.class).single();
        assertThat(product).isNotBlank();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL")
                .query(Long.class).single()).isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " AND table_name IN ('hl7_message', 'practice', 'patient', 'encounter', 'charge', 'field_source')")
                .query(Long.class).single()).isEqualTo(6);
    }
}
