package org.claimbridge.practice;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the configured practices into {@code practice} at start-up, before any listener takes a message, so that
 * a sender first seen unconfigured becomes configured on the next start with its id (and its encounters) kept.
 */
@Component
class PracticeSetup implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(PracticeSetup.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PracticeProperties properties;

    PracticeSetup(JdbcClient jdbc, TransactionTemplate transactions, PracticeProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        Set<String> seen = new HashSet<>();
        for (PracticeProperties.Configured p : properties.practices()) {
            if (p.sendingFacility() == null || p.sendingFacility().isBlank() || p.name() == null) {
                throw new IllegalStateException("claimbridge.practices: every practice needs a sending-facility"
                        + " (MSH-4) and a name");
            }
            if (!seen.add(p.sendingFacility())) {
                throw new IllegalStateException("claimbridge.practices: sending-facility " + p.sendingFacility()
                        + " is configured twice");
            }
        }
        transactions.executeWithoutResult(status -> properties.practices().forEach(this::upsert));
        log.info("{} configured practice(s) written", properties.practices().size());
    }

    private void upsert(PracticeProperties.Configured p) {
        jdbc.sql("""
                INSERT INTO practice (sending_facility, name, kind, configured, billing_npi, tin, taxonomy,
                    address_line, city, state, postal_code, created_at)
                VALUES (:sender, :name, :kind, TRUE, :npi, :tin, :taxonomy, :address, :city, :state, :postal, :now)
                ON DUPLICATE KEY UPDATE name = VALUES(name), kind = VALUES(kind), configured = TRUE,
                    billing_npi = VALUES(billing_npi), tin = VALUES(tin), taxonomy = VALUES(taxonomy),
                    address_line = VALUES(address_line), city = VALUES(city), state = VALUES(state),
                    postal_code = VALUES(postal_code)""")
                .param("sender", p.sendingFacility()).param("name", p.name()).param("kind", p.kind().name())
                .param("npi", p.billingNpi()).param("tin", p.tin()).param("taxonomy", p.taxonomy())
                .param("address", p.addressLine()).param("city", p.city()).param("state", p.state())
                .param("postal", p.postalCode())
                .param("now", LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .update();
    }
}
