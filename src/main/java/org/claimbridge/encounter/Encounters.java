package org.claimbridge.encounter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads encounters out of the billing view, with their patient, coverage, diagnoses, procedures and charges. */
@Service
public class Encounters {

    private final JdbcClient jdbc;

    Encounters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<EncounterDetails> find(long encounterId) {
        return findAll(List.of(encounterId)).stream().findFirst();
    }

    @Transactional(readOnly = true)
    public Optional<EncounterDetails> find(long practiceId, String visitNumber) {
        return jdbc.sql("SELECT id FROM encounter WHERE practice_id = ? AND visit_number = ?").param(practiceId)
                .param(visitNumber).query(Long.class).optional().flatMap(this::find);
    }

    /**
     * Several encounters at once, in the order of {@code ids} (missing ones left out): a handful of queries for the
     * whole list instead of six per encounter, for jobs that go through thousands.
     * <p>
     * Each query names the index on its foreign key: for a few hundred ids MariaDB's cost model rates the index's
     * row look-ups close to a full scan and, after a bulk load has left its statistics behind, picked the scan (a
     * scrub read all 600,000 charges for every page of 500 encounters, and ran at half speed).
     */
    @Transactional(readOnly = true)
    public List<EncounterDetails> findAll(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, EncounterDetails.Encounter> encounters = new HashMap<>();
        jdbc.sql("SELECT * FROM encounter WHERE id IN (:ids)").param("ids", ids).query(Encounters::encounter).list()
                .forEach(e -> encounters.put(e.id(), e));
        List<Long> patientIds = encounters.values().stream().map(EncounterDetails.Encounter::patientId).distinct()
                .toList();
        if (patientIds.isEmpty()) {
            return List.of();
        }
        Map<Long, EncounterDetails.Patient> patients = new HashMap<>();
        jdbc.sql("SELECT * FROM patient WHERE id IN (:ids)").param("ids", patientIds).query(Encounters::patient)
                .list().forEach(p -> patients.put(p.id(), p));
        Map<Long, EncounterDetails.Guarantor> guarantors = new HashMap<>();
        jdbc.sql("SELECT * FROM guarantor FORCE INDEX (ux_guarantor_patient) WHERE patient_id IN (:ids)")
                .param("ids", patientIds).query((rs, n) -> Map.entry(rs.getLong("patient_id"), guarantor(rs, n))).list()
                .forEach(g -> guarantors.put(g.getKey(), g.getValue()));
        Map<Long, List<EncounterDetails.Coverage>> coverages = grouped(
                "SELECT * FROM coverage FORCE INDEX (ux_coverage_priority) WHERE patient_id IN (:ids) "
                        + "ORDER BY patient_id, priority", patientIds,
                "patient_id", Encounters::coverage);
        List<Long> found = List.copyOf(encounters.keySet());
        Map<Long, List<EncounterDetails.Diagnosis>> diagnoses = grouped(
                "SELECT * FROM diagnosis FORCE INDEX (ux_diagnosis_code) WHERE encounter_id IN (:ids) "
                        + "ORDER BY encounter_id, sequence, id", found,
                "encounter_id", Encounters::diagnosis);
        Map<Long, List<EncounterDetails.Procedure>> procedures = grouped(
                "SELECT * FROM procedure_entry FORCE INDEX (ux_procedure_code) WHERE encounter_id IN (:ids) "
                        + "ORDER BY encounter_id, sequence, id",
                found, "encounter_id", Encounters::procedure);
        Map<Long, List<EncounterDetails.Charge>> charges = grouped(
                "SELECT * FROM charge FORCE INDEX (ux_charge_transaction) WHERE encounter_id IN (:ids) "
                        + "ORDER BY encounter_id, id", found, "encounter_id",
                Encounters::charge);
        List<EncounterDetails> details = new ArrayList<>(ids.size());
        for (Long id : ids) {
            EncounterDetails.Encounter e = encounters.get(id);
            if (e != null) {
                details.add(new EncounterDetails(e, patients.get(e.patientId()), guarantors.get(e.patientId()),
                        coverages.getOrDefault(e.patientId(), List.of()), diagnoses.getOrDefault(id, List.of()),
                        procedures.getOrDefault(id, List.of()), charges.getOrDefault(id, List.of())));
            }
        }
        return details;
    }

    private <T> Map<Long, List<T>> grouped(String sql, List<Long> ids, String key, RowMapper<T> mapper) {
        Map<Long, List<T>> grouped = new HashMap<>();
        jdbc.sql(sql).param("ids", ids).query((ResultSet rs) -> {
            grouped.computeIfAbsent(rs.getLong(key), k -> new ArrayList<>()).add(mapper.mapRow(rs, 0));
        });
        return grouped;
    }

    /** The ids of a patient's encounters, oldest first. */
    public List<Long> ofPatient(long patientId) {
        return jdbc.sql("SELECT id FROM encounter WHERE patient_id = ? ORDER BY id").param(patientId)
                .query(Long.class).list();
    }

    private static EncounterDetails.Encounter encounter(ResultSet rs, int n) throws SQLException {
        return new EncounterDetails.Encounter(rs.getLong("id"), rs.getLong("practice_id"), rs.getLong("patient_id"),
                rs.getString("visit_number"), rs.getString("account_number"), rs.getString("patient_class"),
                rs.getString("location"), rs.getString("hospital_service"), rs.getString("admit_type"),
                rs.getObject("admitted_at", java.time.LocalDateTime.class),
                rs.getObject("discharged_at", java.time.LocalDateTime.class), rs.getString("attending_npi"),
                rs.getString("attending_name"), rs.getString("referring_npi"), rs.getString("referring_name"),
                rs.getString("status"), rs.getString("hold_reason"), rs.getInt("revision"),
                rs.getObject("changed_at", java.time.LocalDateTime.class));
    }

    private static EncounterDetails.Patient patient(ResultSet rs, int n) throws SQLException {
        return new EncounterDetails.Patient(rs.getLong("id"), rs.getLong("practice_id"), rs.getString("mrn"),
                rs.getString("last_name"), rs.getString("first_name"), rs.getString("middle_name"),
                rs.getObject("birth_date", java.time.LocalDate.class), rs.getString("sex"),
                rs.getString("address_line1"), rs.getString("address_line2"), rs.getString("city"),
                rs.getString("state"), rs.getString("postal_code"), rs.getString("phone"),
                rs.getObject("merged_into_id", Long.class));
    }

    private static EncounterDetails.Guarantor guarantor(ResultSet rs, int n) throws SQLException {
        return new EncounterDetails.Guarantor(rs.getLong("id"), rs.getString("last_name"), rs.getString("first_name"),
                rs.getString("address_line1"), rs.getString("city"), rs.getString("state"),
                rs.getString("postal_code"), rs.getString("phone"), rs.getString("relationship"));
    }

    private static EncounterDetails.Coverage coverage(ResultSet rs, int n) throws SQLException {
        return new EncounterDetails.Coverage(rs.getLong("id"), rs.getInt("priority"), rs.getString("payer_id"),
                rs.getString("payer_name"), rs.getString("plan_id"), rs.getString("plan_type"),
                rs.getString("member_id"), rs.getString("group_number"), rs.getString("group_name"),
                rs.getString("subscriber_last_name"), rs.getString("subscriber_first_name"),
                rs.getObject("subscriber_birth_date", java.time.LocalDate.class), rs.getString("subscriber_sex"),
                rs.getString("subscriber_address"), rs.getString("subscriber_city"),
                rs.getString("subscriber_state"), rs.getString("subscriber_postal_code"),
                rs.getString("relationship"), rs.getObject("effective_date", java.time.LocalDate.class),
                rs.getObject("expiration_date", java.time.LocalDate.class), rs.getString("authorization_number"));
    }

    private static EncounterDetails.Diagnosis diagnosis(ResultSet rs, int n) throws SQLException {
        return new EncounterDetails.Diagnosis(rs.getLong("id"), rs.getInt("sequence"), rs.getString("code"),
                rs.getString("coding_system"), rs.getString("description"), rs.getString("diagnosis_type"));
    }

    private static EncounterDetails.Procedure procedure(ResultSet rs, int n) throws SQLException {
        return new EncounterDetails.Procedure(rs.getLong("id"), rs.getInt("sequence"), rs.getString("code"),
                rs.getString("coding_system"), rs.getString("description"),
                rs.getObject("performed_at", java.time.LocalDateTime.class), rs.getString("surgeon_npi"));
    }

    private static EncounterDetails.Charge charge(ResultSet rs, int n) throws SQLException {
        return new EncounterDetails.Charge(rs.getLong("id"), rs.getString("transaction_id"),
                rs.getObject("service_date", java.time.LocalDate.class), rs.getString("transaction_type"),
                rs.getString("transaction_code"), rs.getString("description"), rs.getString("procedure_code"),
                list(rs.getString("modifiers")), rs.getBigDecimal("units"), rs.getBigDecimal("amount"),
                list(rs.getString("diagnosis_codes")), rs.getString("place_of_service"),
                rs.getString("performing_npi"), rs.getString("performing_name"), rs.getString("ordering_npi"),
                rs.getString("status"), rs.getObject("reverses_charge_id", Long.class), rs.getLong("message_id"));
    }

    private static List<String> list(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isEmpty() ? List.of()
                : Arrays.asList(commaSeparated.split(","));
    }
}
