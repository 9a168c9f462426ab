package org.claimbridge.encounter;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.claimbridge.practice.Practice;
import org.claimbridge.practice.PracticeDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets go of encounters held because their practice was not set up, once it is: practices are configured at
 * start-up, so this looks at start-up, and the feed also clears the hold whenever it touches such an encounter.
 */
@Component
class HeldEncounters {

    private static final Logger log = LoggerFactory.getLogger(HeldEncounters.class);

    private final JdbcClient jdbc;
    private final PracticeDirectory practices;
    private final ApplicationEventPublisher events;

    HeldEncounters(JdbcClient jdbc, PracticeDirectory practices, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.practices = practices;
        this.events = events;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public List<EncounterChanged> releaseConfiguredPractices() {
        List<EncounterChanged> released = new ArrayList<>();
        LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        for (Practice practice : practices.configured()) {
            List<Long> ids = jdbc.sql("""
                    SELECT id FROM encounter WHERE practice_id = ? AND hold_reason LIKE ? FOR UPDATE""")
                    .param(practice.id()).param(BillingViewWriter.UNCONFIGURED + "%").query(Long.class).list();
            for (Long id : ids) {
                jdbc.sql("""
                        UPDATE encounter SET hold_reason = NULL, revision = revision + 1, changed_at = ?
                        WHERE id = ?""").param(now).param(id).update();
                int revision = jdbc.sql("SELECT revision FROM encounter WHERE id = ?").param(id)
                        .query(Integer.class).single();
                EncounterChanged changed = new EncounterChanged(id, revision);
                events.publishEvent(changed);
                released.add(changed);
            }
        }
        if (!released.isEmpty()) {
            log.info("{} encounter(s) released: their practice is configured now", released.size());
        }
        return released;
    }
}
