package org.claimbridge.bench;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes synthetic encounters (no real patients) straight into the billing view, in bulk, for the scrub benchmark
 * and the scrub restart test: a patient with a primary coverage per encounter, two or three diagnoses and a given
 * number of charge lines, with about one encounter in six carrying a defect the shipped rules catch (no member id,
 * a one-digit place of service, a pointer to a diagnosis not on the claim, zero units, an invalid NPI).
 */
public final class SyntheticEncounters {

    private static final String[] DIAGNOSES = {"E11.9", "I10", "M17.11", "J06.9", "E78.5", "R05.1", "I25.10",
        "N40.0"};
    private static final String[] PROCEDURES = {"99213", "99214", "36415", "80053", "85025", "93000", "J1030",
        "G0439"};
    private static final String NPI = "1234567893";

    private SyntheticEncounters() {
    }

    /** @return the ids of the encounters written, in order */
    public static List<Long> insert(JdbcTemplate jdbc, long practiceId, int count, int chargesPerEncounter,
                                    long seed) {
        Random random = new Random(seed);
        String run = Long.toString(seed, 36).toUpperCase() + Long.toString(System.nanoTime() % 1_000_000, 36);
        LocalDate today = LocalDate.now();
        LocalDateTime now = LocalDateTime.now();
        long patientBase = next(jdbc, "patient");
        long encounterBase = next(jdbc, "encounter");
        List<Long> ids = new ArrayList<>(count);
        int batch = 1_000;
        for (int from = 0; from < count; from += batch) {
            int to = Math.min(count, from + batch);
            List<Object[]> patients = new ArrayList<>();
            List<Object[]> coverages = new ArrayList<>();
            List<Object[]> encounters = new ArrayList<>();
            List<Object[]> diagnoses = new ArrayList<>();
            List<Object[]> charges = new ArrayList<>();
            for (int i = from; i < to; i++) {
                long patientId = patientBase + i;
                long encounterId = encounterBase + i;
                ids.add(encounterId);
                int defect = random.nextInt(30);
                LocalDate service = today.minusDays(1 + random.nextInt(60));
                boolean female = random.nextBoolean();
                patients.add(new Object[] {patientId, practiceId, "SYN" + run + "-" + i, "Synthetic" + (i % 97),
                    female ? "Ann" : "Bob", Date.valueOf(LocalDate.of(1940 + random.nextInt(60), 1 + random
                        .nextInt(12), 1 + random.nextInt(28))), female ? "F" : "M", (1 + i % 900) + " Test St",
                    "Springfield", "IL", "62701", Timestamp.valueOf(now)});
                coverages.add(new Object[] {patientId, 1, "60054", "Aetna", "PPO", defect == 0 ? null : "W" + i,
                    "GRP1", "Synthetic" + (i % 97), female ? "Ann" : "Bob", "SEL", Date.valueOf(today.minusYears(1)),
                    Timestamp.valueOf(now)});
                encounters.add(new Object[] {encounterId, practiceId, patientId, "SV" + run + "-" + i, "O",
                    Timestamp.valueOf(service.atTime(9, 0)), defect == 1 ? "1234567890" : NPI, NPI,
                    Timestamp.valueOf(now)});
                int dxCount = 2 + random.nextInt(2);
                List<String> dx = new ArrayList<>();
                for (int d = 0; d < dxCount; d++) {
                    String code = DIAGNOSES[(i + d * 3) % DIAGNOSES.length];
                    if (!dx.contains(code)) {
                        dx.add(code);
                        diagnoses.add(new Object[] {encounterId, dx.size(), code});
                    }
                }
                for (int c = 0; c < chargesPerEncounter; c++) {
                    String pointer = defect == 2 && c == 0 ? "Z99.89" : dx.get(c % dx.size());
                    charges.add(new Object[] {encounterId, "T" + c, Date.valueOf(service),
                        PROCEDURES[(i + c) % PROCEDURES.length], defect == 3 && c == 1 ? BigDecimal.ZERO
                        : BigDecimal.ONE, new BigDecimal(25 + random.nextInt(200) + ".00"), pointer,
                        defect == 4 && c == 0 ? "1" : "11", NPI});
                }
            }
            jdbc.batchUpdate("""
                    INSERT INTO patient (id, practice_id, mrn, last_name, first_name, birth_date, sex, address_line1,
                        city, state, postal_code, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    patients);
            jdbc.batchUpdate("""
                    INSERT INTO coverage (patient_id, priority, payer_id, payer_name, plan_type, member_id,
                        group_number, subscriber_last_name, subscriber_first_name, relationship, effective_date,
                        updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", coverages);
            jdbc.batchUpdate("""
                    INSERT INTO encounter (id, practice_id, patient_id, visit_number, patient_class, admitted_at,
                        attending_npi, referring_npi, status, revision, changed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', 1, ?)""", encounters);
            jdbc.batchUpdate("INSERT INTO diagnosis (encounter_id, sequence, code, coding_system) VALUES (?, ?, ?, 'I10')",
                    diagnoses);
            jdbc.batchUpdate("""
                    INSERT INTO charge (encounter_id, transaction_id, service_date, transaction_type, procedure_code,
                        units, amount, diagnosis_codes, place_of_service, performing_npi, status, message_id)
                    VALUES (?, ?, ?, 'CG', ?, ?, ?, ?, ?, ?, 'ACTIVE', 0)""", charges);
        }
        return ids;
    }

    private static long next(JdbcTemplate jdbc, String table) {
        Long max = jdbc.queryForObject("SELECT MAX(id) FROM " + table, Long.class);
        return (max == null ? 0 : max) + 1;
    }
}
