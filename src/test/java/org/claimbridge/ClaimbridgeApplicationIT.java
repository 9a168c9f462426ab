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
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hl7_message").query(Long.class).single()).isZero();
    }
}
