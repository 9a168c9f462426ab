package org.claimbridge.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/** Which failures leave a message pending for the next attempt, and which hold it for a person. */
class EncounterFeedRetryTest {

    @Test
    void aPoolClosedWhileStoppingLeavesTheMessagePending() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:mysql://127.0.0.1:3306/none");
        pool.close();
        RuntimeException failure = catchRuntimeException(() -> new DataSourceTransactionManager(pool)
                .getTransaction(new DefaultTransactionDefinition()));

        assertThat(failure).isNotNull();
        assertThat(EncounterFeed.databaseUnavailable(failure)).as(failure.toString()).isTrue();
    }

    @Test
    void aMessageTheDatabaseRefusesIsHeld() {
        assertThat(EncounterFeed.databaseUnavailable(new DataIntegrityViolationException("too long"))).isFalse();
        assertThat(EncounterFeed.databaseUnavailable(new IllegalStateException("unmapped"))).isFalse();
    }
}
