package org.claimbridge.practice;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the configured practices into {@code practice} at start-up, before any listener takes a message, so that
 * a sender first seen unconfigured becomes configured on the next start with its id (and its encounters) kept.
 * Each practice's chargemaster file is read here too and replaces its stored items; every file is read and checked
 * before anything is written, and all is written in one transaction, so a bad file leaves the database as it was.
 */
@Component
class PracticeSetup implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(PracticeSetup.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PracticeProperties properties;
    private final ChargemasterItems chargemasterItems;

    PracticeSetup(JdbcClient jdbc, TransactionTemplate transactions, PracticeProperties properties,
                  ChargemasterItems chargemasterItems) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.chargemasterItems = chargemasterItems;
    }

    @Override
    public void afterPropertiesSet() {
        check(properties.practices());
        Map<String, List<ChargemasterFile.Entry>> chargemasters = readChargemasters(properties.practices());
        transactions.executeWithoutResult(status -> properties.practices().forEach(p -> {
            long id = upsert(p);
            List<ChargemasterFile.Entry> entries = chargemasters.get(p.sendingFacility());
            if (entries != null) {
                chargemasterItems.replace(id, p.chargemaster().toString(), entries);
            }
        }));
        log.info("{} configured practice(s) written", properties.practices().size());
        chargemasters.forEach((sender, entries) -> log.info("{}: {} chargemaster item(s) loaded", sender,
                entries.size()));
    }

    /** Refuses a practice list that would be stored wrong; the message names the setting. */
    static void check(List<PracticeProperties.Configured> practices) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < practices.size(); i++) {
            PracticeProperties.Configured p = practices.get(i);
            if (p.sendingFacility() == null || p.sendingFacility().isBlank() || p.name() == null) {
                throw new IllegalStateException("claimbridge.practices: every practice needs a sending-facility"
                        + " (MSH-4) and a name");
            }
            if (!seen.add(p.sendingFacility())) {
                throw new IllegalStateException("claimbridge.practices: sending-facility " + p.sendingFacility()
                        + " is configured twice");
            }
            long payToGiven = Stream.of(p.payToAddressLine(), p.payToCity(), p.payToState(), p.payToPostalCode())
                    .filter(Objects::nonNull).filter(v -> !v.isBlank()).count();
            if (payToGiven != 0 && payToGiven != 4) {
                // a claim's pay-to address (N3/N4 of loop 2010AB) needs all four; a partial one would be refused
                throw new IllegalStateException("claimbridge.practices[" + i + "] (" + p.sendingFacility()
                        + "): a pay-to address needs pay-to-address-line, pay-to-city, pay-to-state and"
                        + " pay-to-postal-code, or none of them");
            }
            ServiceFacility f = p.serviceFacility();
            if (f != null) {
                String at = "claimbridge.practices[" + i + "].service-facility (" + p.sendingFacility() + "): ";
                if (Stream.of(f.name(), f.npi(), f.addressLine(), f.city(), f.state(), f.postalCode())
                        .anyMatch(v -> v == null || v.isBlank())) {
                    throw new IllegalStateException(at + "needs name, npi, address-line, city, state and"
                            + " postal-code");
                }
                if (!f.npi().matches("\\d{10}")) {
                    throw new IllegalStateException(at + "npi '" + f.npi() + "' is not ten digits");
                }
                if (!f.postalCode().replace("-", "").matches("\\d{9}")) {
                    // 2310C/2310E N403: the guides want the full ZIP+4 for the service facility
                    throw new IllegalStateException(at + "postal-code '" + f.postalCode() + "' must be the nine"
                            + " digits of ZIP+4");
                }
                if (f.name().length() > 60) {
                    throw new IllegalStateException(at + "name is longer than 60 characters");
                }
            }
        }
    }

    private static Map<String, List<ChargemasterFile.Entry>> readChargemasters(
            List<PracticeProperties.Configured> practices) {
        Map<String, List<ChargemasterFile.Entry>> read = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < practices.size(); i++) {
            PracticeProperties.Configured p = practices.get(i);
            if (p.chargemaster() == null) {
                continue;
            }
            try {
                read.put(p.sendingFacility(), ChargemasterFile.read(p.chargemaster(), p.chargemaster().toString(),
                        p.kind()));
            } catch (ChargemasterFileException e) {
                failures.add("claimbridge.practices[" + i + "].chargemaster (" + p.sendingFacility() + "): "
                        + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("Chargemaster not loaded, nothing written: " + String.join("\n",
                    failures));
        }
        return read;
    }

    private long upsert(PracticeProperties.Configured p) {
        jdbc.sql("""
                INSERT INTO practice (sending_facility, name, kind, configured, billing_npi, tin, taxonomy,
                    address_line, city, state, postal_code, pay_to_address_line, pay_to_city, pay_to_state,
                    pay_to_postal_code, service_facility_name, service_facility_npi, service_facility_address_line,
                    service_facility_city, service_facility_state, service_facility_postal_code, created_at)
                VALUES (:sender, :name, :kind, TRUE, :npi, :tin, :taxonomy, :address, :city, :state, :postal,
                    :payToAddress, :payToCity, :payToState, :payToPostal, :sfName, :sfNpi, :sfAddress, :sfCity,
                    :sfState, :sfPostal, :now)
                ON DUPLICATE KEY UPDATE name = VALUES(name), kind = VALUES(kind), configured = TRUE,
                    billing_npi = VALUES(billing_npi), tin = VALUES(tin), taxonomy = VALUES(taxonomy),
                    address_line = VALUES(address_line), city = VALUES(city), state = VALUES(state),
                    postal_code = VALUES(postal_code), pay_to_address_line = VALUES(pay_to_address_line),
                    pay_to_city = VALUES(pay_to_city), pay_to_state = VALUES(pay_to_state),
                    pay_to_postal_code = VALUES(pay_to_postal_code),
                    service_facility_name = VALUES(service_facility_name),
                    service_facility_npi = VALUES(service_facility_npi),
                    service_facility_address_line = VALUES(service_facility_address_line),
                    service_facility_city = VALUES(service_facility_city),
                    service_facility_state = VALUES(service_facility_state),
                    service_facility_postal_code = VALUES(service_facility_postal_code)""")
                .param("sender", p.sendingFacility()).param("name", p.name()).param("kind", p.kind().name())
                .param("npi", p.billingNpi()).param("tin", p.tin()).param("taxonomy", p.taxonomy())
                .param("address", p.addressLine()).param("city", p.city()).param("state", p.state())
                .param("postal", p.postalCode())
                .param("payToAddress", blankToNull(p.payToAddressLine()))
                .param("payToCity", blankToNull(p.payToCity()))
                .param("payToState", blankToNull(p.payToState()))
                .param("payToPostal", blankToNull(p.payToPostalCode()))
                .param("sfName", p.serviceFacility() == null ? null : p.serviceFacility().name())
                .param("sfNpi", p.serviceFacility() == null ? null : p.serviceFacility().npi())
                .param("sfAddress", p.serviceFacility() == null ? null : p.serviceFacility().addressLine())
                .param("sfCity", p.serviceFacility() == null ? null : p.serviceFacility().city())
                .param("sfState", p.serviceFacility() == null ? null : p.serviceFacility().state())
                .param("sfPostal", p.serviceFacility() == null ? null
                        : p.serviceFacility().postalCode().replace("-", ""))
                .param("now", LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .update();
        return jdbc.sql("SELECT id FROM practice WHERE sending_facility = ?").param(p.sendingFacility())
                .query(Long.class).single();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
