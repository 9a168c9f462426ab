package org.claimbridge.encounter;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.claimbridge.practice.Practice;
import org.claimbridge.practice.PracticeDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one message's {@link BillingUpdate} to the billing view inside the caller's transaction: patient,
 * merge, coverage, guarantor, encounter, diagnoses, procedures and charges, each value with its source.
 */
@Component
class BillingViewWriter {

    static final String UNCONFIGURED = "unconfigured practice: ";

    /** What applying a message did: the encounters it changed and a plain note for the message. */
    record Applied(List<EncounterChanged> changes, String note) {
    }

    private final JdbcTemplate jdbc;
    private final PracticeDirectory practices;

    BillingViewWriter(JdbcTemplate jdbc, PracticeDirectory practices) {
        this.jdbc = jdbc;
        this.practices = practices;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Applied apply(long messageId, BillingUpdate update) {
        return new Application(messageId, update).run();
    }

    /** One message being applied. */
    private final class Application {

        private final long messageId;
        private final BillingUpdate update;
        private final LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        private final SourceRecords sources;
        private final List<String> notes = new ArrayList<>();
        private final Set<Long> touched = new LinkedHashSet<>();

        Application(long messageId, BillingUpdate update) {
            this.messageId = messageId;
            this.update = update;
            this.sources = new SourceRecords(messageId, now);
        }

        Applied run() {
            Practice practice = practices.forSender(update.sendingFacility());
            long patientId = patient(practice);
            if (update.merges()) {
                merge(practice, patientId);
            }
            boolean patientLevel = !update.patient().isEmpty() || !update.guarantor().isEmpty();
            for (BillingUpdate.CoverageUpdate coverage : update.coverages()) {
                coverage(patientId, coverage);
                patientLevel = true;
            }
            guarantor(patientId);
            if (update.visitNumber() != null) {
                long encounterId = encounter(practice, patientId);
                diagnoses(encounterId);
                procedures(encounterId);
                charges(encounterId);
                touched.add(encounterId);
            } else if (patientLevel) {
                // what a claim says about the patient and their coverage changed for every visit on file
                touched.addAll(jdbc.queryForList("SELECT id FROM encounter WHERE patient_id = ? AND status = 'ACTIVE'",
                        Long.class, patientId));
            }
            List<EncounterChanged> changes = bump();
            sources.write(jdbc);
            if (changes.isEmpty()) {
                notes.add(0, "patient " + patientId + " updated, no encounter");
            } else {
                notes.add(0, "encounter " + changes.stream().map(c -> c.encounterId() + " (revision " + c.revision()
                        + ")").reduce((a, b) -> a + ", " + b).orElse(""));
            }
            notes.add(sources.size() + " values recorded with their source");
            return new Applied(changes, String.join("; ", notes));
        }

        // ---- patient and merge

        private long patient(Practice practice) {
            String mrn = (String) update.mrn().value();
            Long id = patientId(practice.id(), mrn);
            if (id == null) {
                Map<String, Object> keys = new LinkedHashMap<>();
                keys.put("practice_id", practice.id());
                keys.put("mrn", mrn);
                keys.put("updated_at", now);
                id = insert("patient", keys, update.patient());
                sources.record("patient", id, update.mrn());
            } else if (!update.patient().isEmpty()) {
                update("patient", id, update.patient(), Map.of("updated_at", now));
            }
            sources.record("patient", id, update.patient());
            return id;
        }

        /** The patient with this MRN, or the one it was merged into. */
        private Long patientId(long practiceId, String mrn) {
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "SELECT id, merged_into_id FROM patient WHERE practice_id = ? AND mrn = ? FOR UPDATE",
                    practiceId, mrn);
            if (rows.isEmpty()) {
                return null;
            }
            Long id = ((Number) rows.get(0).get("id")).longValue();
            Object mergedInto = rows.get(0).get("merged_into_id");
            for (int hops = 0; mergedInto != null && hops < 20; hops++) {
                id = ((Number) mergedInto).longValue();
                mergedInto = jdbc.queryForObject("SELECT merged_into_id FROM patient WHERE id = ?", Object.class, id);
            }
            return id;
        }

        private void merge(Practice practice, long survivorId) {
            Sourced prior = update.priorMrn();
            List<Long> priorIds = jdbc.queryForList("""
                    SELECT id FROM patient WHERE practice_id = ? AND mrn = ? AND merged_into_id IS NULL FOR UPDATE""",
                    Long.class, practice.id(), prior.value());
            if (priorIds.isEmpty() || priorIds.get(0) == survivorId) {
                notes.add("prior MRN " + prior.value() + " is not on file as a separate patient: nothing to merge");
                return;
            }
            long priorId = priorIds.get(0);
            List<Long> encounters = jdbc.queryForList("SELECT id FROM encounter WHERE patient_id = ? FOR UPDATE",
                    Long.class, priorId);
            jdbc.update("UPDATE encounter SET patient_id = ? WHERE patient_id = ?", survivorId, priorId);
            for (Long encounterId : encounters) {
                sources.record("encounter", encounterId, "patient_id", prior.path(), prior.raw());
            }
            touched.addAll(encounters);
            // the survivor's own coverage is the current one; the prior patient's fills only the places it lacks
            Set<Integer> survivorPriorities = new LinkedHashSet<>(jdbc.queryForList(
                    "SELECT priority FROM coverage WHERE patient_id = ?", Integer.class, survivorId));
            List<Map<String, Object>> priorCoverage = jdbc.queryForList(
                    "SELECT id, priority FROM coverage WHERE patient_id = ?", priorId);
            int moved = 0;
            for (Map<String, Object> coverage : priorCoverage) {
                if (!survivorPriorities.contains(((Number) coverage.get("priority")).intValue())) {
                    long coverageId = ((Number) coverage.get("id")).longValue();
                    jdbc.update("UPDATE coverage SET patient_id = ?, updated_at = ? WHERE id = ?", survivorId, now,
                            coverageId);
                    sources.record("coverage", coverageId, "patient_id", prior.path(), prior.raw());
                    moved++;
                }
            }
            Integer survivorGuarantors = jdbc.queryForObject("SELECT COUNT(*) FROM guarantor WHERE patient_id = ?",
                    Integer.class, survivorId);
            if (survivorGuarantors != null && survivorGuarantors == 0) {
                jdbc.update("UPDATE guarantor SET patient_id = ?, updated_at = ? WHERE patient_id = ?", survivorId,
                        now, priorId);
            }
            jdbc.update("UPDATE patient SET merged_into_id = ? WHERE merged_into_id = ?", survivorId, priorId);
            jdbc.update("UPDATE patient SET merged_into_id = ?, updated_at = ? WHERE id = ?", survivorId, now, priorId);
            sources.record("patient", priorId, "merged_into_id", prior.path(), prior.raw());
            notes.add("patient " + priorId + " merged into " + survivorId + ": " + encounters.size()
                    + " encounter(s), " + moved + " of " + priorCoverage.size() + " coverage(s) moved");
        }

        // ---- coverage and guarantor

        private void coverage(long patientId, BillingUpdate.CoverageUpdate coverage) {
            List<Long> ids = jdbc.queryForList("SELECT id FROM coverage WHERE patient_id = ? AND priority = ? FOR UPDATE",
                    Long.class, patientId, coverage.priority());
            long id;
            if (ids.isEmpty()) {
                Map<String, Object> keys = new LinkedHashMap<>();
                keys.put("patient_id", patientId);
                keys.put("priority", coverage.priority());
                keys.put("updated_at", now);
                id = insert("coverage", keys, coverage.columns());
            } else {
                id = ids.get(0);
                update("coverage", id, coverage.columns(), Map.of("updated_at", now));
            }
            sources.record("coverage", id, "priority", coverage.priorityPath(), String.valueOf(coverage.priority()));
            sources.record("coverage", id, coverage.columns());
        }

        private void guarantor(long patientId) {
            if (update.guarantor().isEmpty()) {
                return;
            }
            List<Long> ids = jdbc.queryForList("SELECT id FROM guarantor WHERE patient_id = ? FOR UPDATE", Long.class,
                    patientId);
            long id;
            if (ids.isEmpty()) {
                Map<String, Object> keys = new LinkedHashMap<>();
                keys.put("patient_id", patientId);
                keys.put("updated_at", now);
                id = insert("guarantor", keys, update.guarantor());
            } else {
                id = ids.get(0);
                update("guarantor", id, update.guarantor(), Map.of("updated_at", now));
            }
            sources.record("guarantor", id, update.guarantor());
        }

        // ---- encounter

        private long encounter(Practice practice, long patientId) {
            Sourced visit = update.visitNumber();
            List<Map<String, Object>> rows = jdbc.queryForList("""
                    SELECT id, patient_id, status, hold_reason FROM encounter
                    WHERE practice_id = ? AND visit_number = ? FOR UPDATE""", practice.id(), visit.value());
            String event = update.event();
            String eventPath = "MSH(1)-9.2";
            List<Sourced> byEvent = new ArrayList<>();
            String currentStatus = rows.isEmpty() ? null : (String) rows.get(0).get("status");
            if (update.cancelsVisit()) {
                byEvent.add(Sourced.of("status", "CANCELLED", eventPath, event));
            } else if (update.opensVisit() && "CANCELLED".equals(currentStatus)) {
                byEvent.add(Sourced.of("status", "ACTIVE", eventPath, event));
            }
            Columns columns = update.encounter();
            if (update.cancelsDischarge()) {
                // A13 takes the discharge back whatever PV1-45 still says
                byEvent.add(new Sourced("discharged_at", null, eventPath, event, true));
            }
            columns = new Columns(byEvent).orElse(columns);
            String currentHold = rows.isEmpty() ? null : (String) rows.get(0).get("hold_reason");
            String hold = hold(practice, currentHold);
            long id;
            if (rows.isEmpty()) {
                Map<String, Object> keys = new LinkedHashMap<>();
                keys.put("practice_id", practice.id());
                keys.put("patient_id", patientId);
                keys.put("visit_number", visit.value());
                if (!columns.has("status")) {
                    keys.put("status", "ACTIVE");
                }
                keys.put("hold_reason", hold);
                keys.put("revision", 0);
                keys.put("changed_at", now);
                id = insert("encounter", keys, columns);
                sources.record("encounter", id, visit);
                sources.record("encounter", id, "patient_id", update.mrn().path(), update.mrn().raw());
            } else {
                id = ((Number) rows.get(0).get("id")).longValue();
                Map<String, Object> extra = new LinkedHashMap<>();
                extra.put("hold_reason", hold);
                if (((Number) rows.get(0).get("patient_id")).longValue() != patientId) {
                    extra.put("patient_id", patientId);
                    sources.record("encounter", id, "patient_id", update.mrn().path(), update.mrn().raw());
                }
                update("encounter", id, columns, extra);
            }
            sources.record("encounter", id, columns);
            if (hold != null) {
                notes.add("encounter " + id + " held: " + hold);
            }
            return id;
        }

        /** An unconfigured practice's encounters wait; a hold placed for another reason stays where it is. */
        private String hold(Practice practice, String current) {
            if (!practice.configured()) {
                return current != null ? current : UNCONFIGURED + practice.sendingFacility();
            }
            return current != null && current.startsWith(UNCONFIGURED) ? null : current;
        }

        // ---- diagnoses and procedures

        private void diagnoses(long encounterId) {
            if (update.diagnoses().isEmpty()) {
                return;
            }
            Map<String, Long> existing = new HashMap<>();
            jdbc.query("SELECT id, code FROM diagnosis WHERE encounter_id = ? FOR UPDATE",
                    rs -> {
                        existing.put(rs.getString("code"), rs.getLong("id"));
                    }, encounterId);
            Set<String> sent = new LinkedHashSet<>();
            for (BillingUpdate.DiagnosisUpdate diagnosis : update.diagnoses()) {
                sent.add(diagnosis.code());
                Long id = existing.get(diagnosis.code());
                if (id == null) {
                    id = insert("diagnosis", Map.of("encounter_id", encounterId), diagnosis.columns());
                    existing.put(diagnosis.code(), id);
                } else if (update.replacesClinicalLists()) {
                    update("diagnosis", id, diagnosis.columns(), Map.of());
                } else {
                    continue; // a DFT only adds what the encounter lacks
                }
                sources.record("diagnosis", id, diagnosis.columns());
            }
            if (update.replacesClinicalLists()) {
                List<Object[]> gone = existing.entrySet().stream().filter(e -> !sent.contains(e.getKey()))
                        .map(e -> new Object[] {e.getValue()}).toList();
                if (!gone.isEmpty()) {
                    jdbc.batchUpdate("DELETE FROM diagnosis WHERE id = ?", gone);
                    notes.add(gone.size() + " diagnosis(es) no longer sent removed");
                }
            }
        }

        private void procedures(long encounterId) {
            if (update.procedures().isEmpty()) {
                return;
            }
            record Key(String code, LocalDateTime performedAt) {
            }
            Map<Key, Long> existing = new HashMap<>();
            jdbc.query("SELECT id, code, performed_at FROM procedure_entry WHERE encounter_id = ? FOR UPDATE",
                    rs -> {
                        existing.put(new Key(rs.getString("code"), rs.getObject("performed_at", LocalDateTime.class)),
                                rs.getLong("id"));
                    }, encounterId);
            Set<Key> sent = new LinkedHashSet<>();
            for (BillingUpdate.ProcedureUpdate procedure : update.procedures()) {
                Key key = new Key(procedure.code(), procedure.performedAt());
                sent.add(key);
                Long id = existing.get(key);
                if (id == null) {
                    id = insert("procedure_entry", Map.of("encounter_id", encounterId), procedure.columns());
                    existing.put(key, id);
                } else if (update.replacesClinicalLists()) {
                    update("procedure_entry", id, procedure.columns(), Map.of());
                } else {
                    continue;
                }
                sources.record("procedure", id, procedure.columns());
            }
            if (update.replacesClinicalLists()) {
                List<Object[]> gone = existing.entrySet().stream().filter(e -> !sent.contains(e.getKey()))
                        .map(e -> new Object[] {e.getValue()}).toList();
                if (!gone.isEmpty()) {
                    jdbc.batchUpdate("DELETE FROM procedure_entry WHERE id = ?", gone);
                    notes.add(gone.size() + " procedure(s) no longer sent removed");
                }
            }
        }

        // ---- charges

        private void charges(long encounterId) {
            int added = 0;
            for (BillingUpdate.ChargeUpdate charge : update.charges()) {
                Long id = null;
                if (charge.transactionId() != null) {
                    List<Long> ids = jdbc.queryForList(
                            "SELECT id FROM charge WHERE encounter_id = ? AND transaction_id = ? FOR UPDATE",
                            Long.class, encounterId, charge.transactionId());
                    id = ids.isEmpty() ? null : ids.get(0);
                }
                if (id != null) {
                    // the same transaction sent again: a correction of the stored charge, not a second one
                    update("charge", id, charge.columns(), Map.of());
                    sources.record("charge", id, charge.columns());
                    notes.add(charge.segment() + " corrected charge " + id);
                    continue;
                }
                Map<String, Object> keys = new LinkedHashMap<>();
                keys.put("encounter_id", encounterId);
                keys.put("status", "ACTIVE");
                keys.put("message_id", messageId);
                id = insert("charge", keys, charge.columns());
                sources.record("charge", id, charge.columns());
                added++;
                if (charge.isCredit()) {
                    reverse(encounterId, id, charge);
                }
            }
            if (added > 0) {
                notes.add(added + " charge(s)/credit(s) added");
            }
        }

        /** A credit takes back the oldest active charge for the same procedure, service date and units. */
        private void reverse(long encounterId, long creditId, BillingUpdate.ChargeUpdate credit) {
            BigDecimal units = credit.units() == null ? BigDecimal.ONE : credit.units().abs();
            LocalDate serviceDate = credit.serviceDate();
            List<Long> matches = jdbc.queryForList("""
                    SELECT id FROM charge
                    WHERE encounter_id = ? AND transaction_type = 'CG' AND status = 'ACTIVE'
                      AND procedure_code <=> ? AND service_date <=> ? AND COALESCE(ABS(units), 1) = ?
                    ORDER BY id LIMIT 1 FOR UPDATE""",
                    Long.class, encounterId, credit.procedureCode(), serviceDate, units);
            Sourced type = credit.columns().get("transaction_type");
            if (matches.isEmpty()) {
                notes.add(credit.segment() + " credit matched no active charge: stored unmatched");
                return;
            }
            long chargeId = matches.get(0);
            jdbc.update("UPDATE charge SET status = 'REVERSED' WHERE id = ?", chargeId);
            jdbc.update("UPDATE charge SET reverses_charge_id = ? WHERE id = ?", chargeId, creditId);
            sources.record("charge", chargeId, "status", type.path(), type.raw());
            sources.record("charge", creditId, "reverses_charge_id", type.path(), String.valueOf(chargeId));
            notes.add(credit.segment() + " credit reversed charge " + chargeId);
        }

        // ---- revision

        private List<EncounterChanged> bump() {
            List<EncounterChanged> changes = new ArrayList<>();
            for (Long id : touched) {
                jdbc.update("UPDATE encounter SET revision = revision + 1, changed_at = ? WHERE id = ?", now, id);
                Integer revision = jdbc.queryForObject("SELECT revision FROM encounter WHERE id = ?", Integer.class, id);
                changes.add(new EncounterChanged(id, Objects.requireNonNull(revision)));
            }
            return changes;
        }
    }

    // ---- SQL built from column names this class and BillingMapping choose, never from message text

    private long insert(String table, Map<String, Object> keys, Columns columns) {
        List<String> names = new ArrayList<>(keys.keySet());
        List<Object> values = new ArrayList<>(keys.values());
        for (Sourced value : columns.values()) {
            if (!keys.containsKey(value.column())) {
                names.add(value.column());
                values.add(value.value());
            }
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            return ps;
        }, key);
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    private void update(String table, long id, Columns columns, Map<String, Object> extra) {
        Map<String, Object> set = new LinkedHashMap<>();
        columns.values().forEach(value -> set.put(value.column(), value.value()));
        set.putAll(extra);
        if (set.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>(set.values());
        args.add(id);
        jdbc.update("UPDATE " + table + " SET " + String.join(", ", set.keySet().stream().map(c -> c + " = ?")
                .toList()) + " WHERE id = ?", args.toArray());
    }
}
