package org.claimbridge.encounter;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.claimbridge.codes.CodeFormats;
import org.claimbridge.encounter.CoderCorrection.Action;
import org.claimbridge.encounter.CorrectionCommand.AddDiagnosis;
import org.claimbridge.encounter.CorrectionCommand.ChangeDiagnosisCode;
import org.claimbridge.encounter.CorrectionCommand.ChangeDiagnosisPointers;
import org.claimbridge.encounter.CorrectionCommand.ChangeModifiers;
import org.claimbridge.encounter.CorrectionCommand.ChangePlaceOfService;
import org.claimbridge.encounter.CorrectionCommand.ChangeProcedureCode;
import org.claimbridge.encounter.CorrectionCommand.ChangeUnits;
import org.claimbridge.encounter.CorrectionCommand.RemoveDiagnosis;
import org.claimbridge.encounter.CorrectionCommand.ReorderDiagnoses;
import org.claimbridge.encounter.CorrectionRefused.Problem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A coder's corrections to an encounter's diagnoses and charge lines. Each one, in one transaction: changes the
 * billing view, records the value's new source (the correction, not a message) in the lineage, records the action
 * with who, when, before, after and why, moves the encounter's revision on as a message would and publishes
 * {@link EncounterChanged}. A correction that is refused ({@link CorrectionRefused}) changes nothing.
 */
@Service
public class EncounterCorrections {

    static final int MAX_MODIFIERS = 4;
    static final int MAX_POINTERS = 4;
    static final BigDecimal MAX_UNITS = new BigDecimal("100000");
    static final String CODING_SYSTEM = "I10";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final ApplicationEventPublisher events;

    EncounterCorrections(JdbcClient jdbc, JdbcTemplate batch, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.events = events;
    }

    /** Makes any correction: the operation its type names. */
    @Transactional
    public CoderCorrection apply(CorrectionCommand command) {
        if (command instanceof AddDiagnosis c) {
            return addDiagnosis(c);
        } else if (command instanceof ChangeDiagnosisCode c) {
            return changeDiagnosisCode(c);
        } else if (command instanceof RemoveDiagnosis c) {
            return removeDiagnosis(c);
        } else if (command instanceof ReorderDiagnoses c) {
            return reorderDiagnoses(c);
        } else if (command instanceof ChangeProcedureCode c) {
            return changeProcedureCode(c);
        } else if (command instanceof ChangeModifiers c) {
            return changeModifiers(c);
        } else if (command instanceof ChangeUnits c) {
            return changeUnits(c);
        } else if (command instanceof ChangeDiagnosisPointers c) {
            return changeDiagnosisPointers(c);
        } else if (command instanceof ChangePlaceOfService c) {
            return changePlaceOfService(c);
        }
        throw new IllegalArgumentException("not a correction: " + command);
    }

    // ---- diagnoses

    @Transactional
    public CoderCorrection addDiagnosis(AddDiagnosis command) {
        Correction c = new Correction(command);
        List<Diagnosis> diagnoses = c.diagnoses();
        String code = c.diagnosisCode("code", command.code(), diagnoses, null);
        String description = c.text("description", command.description(), 255);
        int position = diagnoses.size() + 1;
        if (command.sequence() != null) {
            position = command.sequence();
            if (position < 1 || position > diagnoses.size() + 1) {
                c.problem(c.encounterRecord(), "sequence", "must be from 1 to " + (diagnoses.size() + 1));
            }
        }
        c.check();
        long id = c.insert("INSERT INTO diagnosis (encounter_id, sequence, code, coding_system, description)"
                + " VALUES (?, ?, ?, ?, ?)", c.encounterId, position, code, CODING_SYSTEM, description);
        c.source("diagnosis", id, "code", code);
        c.source("diagnosis", id, "coding_system", CODING_SYSTEM);
        if (description != null) {
            c.source("diagnosis", id, "description", description);
        }
        c.source("diagnosis", id, "sequence", String.valueOf(position));
        List<Diagnosis> ordered = new ArrayList<>(diagnoses);
        ordered.add(position - 1, new Diagnosis(id, position, code, description));
        c.resequence(ordered);
        return c.finish(Action.ADD_DIAGNOSIS, "diagnosis", id, "code", null, code);
    }

    @Transactional
    public CoderCorrection changeDiagnosisCode(ChangeDiagnosisCode command) {
        Correction c = new Correction(command);
        List<Diagnosis> diagnoses = c.diagnoses();
        Diagnosis diagnosis = c.diagnosis(diagnoses, command.diagnosisId(), "diagnosisId");
        String code = c.diagnosisCode("code", command.code(), diagnoses, diagnosis);
        String description = c.text("description", command.description(), 255);
        if (diagnosis.code().equals(code)) {
            c.problem(diagnosis.record(), "code", "is " + code + " already: nothing to change");
        }
        c.check();
        c.update("UPDATE diagnosis SET code = ?, description = ? WHERE id = ?", code, description, diagnosis.id());
        c.source("diagnosis", diagnosis.id(), "code", code);
        c.source("diagnosis", diagnosis.id(), "description", description);
        // the charge lines that pointed to the old code point to the new one
        for (Charge charge : c.charges()) {
            List<String> pointers = list(charge.diagnosisCodes());
            if (pointers.contains(diagnosis.code())) {
                String after = joined(pointers.stream().map(p -> p.equals(diagnosis.code()) ? code : p).toList());
                c.update("UPDATE charge SET diagnosis_codes = ? WHERE id = ?", after, charge.id());
                c.source("charge", charge.id(), "diagnosis_codes", after);
            }
        }
        return c.finish(Action.CHANGE_DIAGNOSIS_CODE, "diagnosis", diagnosis.id(), "code", diagnosis.code(), code);
    }

    @Transactional
    public CoderCorrection removeDiagnosis(RemoveDiagnosis command) {
        Correction c = new Correction(command);
        List<Diagnosis> diagnoses = c.diagnoses();
        Diagnosis diagnosis = c.diagnosis(diagnoses, command.diagnosisId(), "diagnosisId");
        List<Long> pointing = c.charges().stream().filter(Charge::billable)
                .filter(charge -> list(charge.diagnosisCodes()).contains(diagnosis.code())).map(Charge::id).toList();
        if (!pointing.isEmpty()) {
            c.problem(diagnosis.record(), "diagnosisId", diagnosis.code() + " is a diagnosis pointer of charge "
                    + pointing.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + ": change the line's diagnosis pointers first");
        }
        c.check();
        c.update("DELETE FROM diagnosis WHERE id = ?", diagnosis.id());
        List<Diagnosis> rest = new ArrayList<>(diagnoses);
        rest.remove(diagnosis);
        c.resequence(rest);
        return c.finish(Action.REMOVE_DIAGNOSIS, "diagnosis", diagnosis.id(), "code", diagnosis.code(), null);
    }

    @Transactional
    public CoderCorrection reorderDiagnoses(ReorderDiagnoses command) {
        Correction c = new Correction(command);
        List<Diagnosis> diagnoses = c.diagnoses();
        List<Long> ids = command.diagnosisIds() == null ? List.of() : command.diagnosisIds();
        List<Diagnosis> ordered = new ArrayList<>();
        for (Long id : ids) {
            ordered.add(c.diagnosis(diagnoses, id == null ? -1 : id, "diagnosisIds"));
        }
        Set<Long> named = new HashSet<>(ids);
        if (named.size() < ids.size()) {
            c.problem(c.encounterRecord(), "diagnosisIds", "names a diagnosis more than once");
        }
        List<String> missing = diagnoses.stream().filter(d -> !named.contains(d.id())).map(Diagnosis::code).toList();
        if (!missing.isEmpty()) {
            c.problem(c.encounterRecord(), "diagnosisIds", "must name every diagnosis of the encounter; missing "
                    + String.join(", ", missing));
        }
        String before = joined(diagnoses.stream().map(Diagnosis::code).toList());
        String after = joined(ordered.stream().map(Diagnosis::code).toList());
        if (c.problems.isEmpty() && !c.resequences(ordered)) {
            c.problem(c.encounterRecord(), "diagnosisIds", "the diagnoses are in this order already: nothing to change");
        }
        c.check();
        c.resequence(ordered);
        return c.finish(Action.REORDER_DIAGNOSES, "encounter", c.encounterId, "diagnoses", before, after);
    }

    // ---- charge lines

    @Transactional
    public CoderCorrection changeProcedureCode(ChangeProcedureCode command) {
        Correction c = new Correction(command);
        Charge charge = c.charge(command.chargeId());
        String code = code(command.procedureCode());
        if (code == null) {
            c.problem(charge.record(), "procedureCode", "is required");
        } else if (!CodeFormats.isProcedure(code)) {
            c.problem(charge.record(), "procedureCode", "'" + code + "' is not a CPT or HCPCS code: five digits,"
                    + " four digits and F, T, U or M, or a letter and four digits");
        }
        c.unchanged(charge, "procedureCode", charge.procedureCode(), code);
        c.check();
        return c.setCharge(Action.CHANGE_PROCEDURE_CODE, charge, "procedure_code", charge.procedureCode(), code);
    }

    @Transactional
    public CoderCorrection changeModifiers(ChangeModifiers command) {
        Correction c = new Correction(command);
        Charge charge = c.charge(command.chargeId());
        List<String> modifiers = codes(command.modifiers());
        if (modifiers.size() > MAX_MODIFIERS) {
            c.problem(charge.record(), "modifiers", "at most " + MAX_MODIFIERS + " modifiers, not " + modifiers.size());
        }
        for (String modifier : modifiers) {
            if (!CodeFormats.isModifier(modifier)) {
                c.problem(charge.record(), "modifiers", "'" + modifier + "' is not a modifier: two letters or digits");
            }
        }
        if (new LinkedHashSet<>(modifiers).size() < modifiers.size()) {
            c.problem(charge.record(), "modifiers", "names a modifier more than once");
        }
        String after = joined(modifiers);
        c.unchanged(charge, "modifiers", charge.modifiers(), after);
        c.check();
        return c.setCharge(Action.CHANGE_MODIFIERS, charge, "modifiers", charge.modifiers(), after);
    }

    @Transactional
    public CoderCorrection changeUnits(ChangeUnits command) {
        Correction c = new Correction(command);
        Charge charge = c.charge(command.chargeId());
        BigDecimal units = command.units();
        if (units == null) {
            c.problem(charge.record(), "units", "is required");
        } else if (units.signum() <= 0) {
            c.problem(charge.record(), "units", "must be more than 0, not " + units.toPlainString());
        } else if (units.stripTrailingZeros().scale() > 2) {
            c.problem(charge.record(), "units", "at most two decimal places, not " + units.toPlainString());
        } else if (units.compareTo(MAX_UNITS) >= 0) {
            c.problem(charge.record(), "units", "must be less than " + MAX_UNITS.toPlainString() + ", not "
                    + units.toPlainString());
        }
        c.check();
        BigDecimal stored = units.setScale(2);
        String before = charge.units() == null ? null : charge.units().toPlainString();
        if (charge.units() != null && charge.units().compareTo(stored) == 0) {
            c.problem(charge.record(), "units", "is " + before + " already: nothing to change");
            c.check();
        }
        c.update("UPDATE charge SET units = ? WHERE id = ?", stored, charge.id());
        c.source("charge", charge.id(), "units", stored.toPlainString());
        return c.finish(Action.CHANGE_UNITS, "charge", charge.id(), "units", before, stored.toPlainString());
    }

    @Transactional
    public CoderCorrection changeDiagnosisPointers(ChangeDiagnosisPointers command) {
        Correction c = new Correction(command);
        Charge charge = c.charge(command.chargeId());
        List<Diagnosis> diagnoses = c.diagnoses();
        List<String> codes = codes(command.diagnosisCodes());
        if (codes.size() > MAX_POINTERS) {
            c.problem(charge.record(), "diagnosisCodes", "at most " + MAX_POINTERS + " diagnosis pointers, not "
                    + codes.size());
        }
        List<String> pointers = new ArrayList<>();
        for (String code : codes) {
            Optional<Diagnosis> diagnosis = diagnoses.stream().filter(d -> sameCode(d.code(), code)).findFirst();
            if (diagnosis.isEmpty()) {
                c.problem(charge.record(), "diagnosisCodes", code + " is not a diagnosis on " + c.encounterRecord()
                        + ": add it first");
            } else {
                pointers.add(diagnosis.get().code()); // as the encounter spells it, so the line's pointer resolves
            }
        }
        if (new LinkedHashSet<>(pointers).size() < pointers.size()) {
            c.problem(charge.record(), "diagnosisCodes", "points to a diagnosis more than once");
        }
        String after = joined(pointers);
        c.unchanged(charge, "diagnosisCodes", charge.diagnosisCodes(), after);
        c.check();
        return c.setCharge(Action.CHANGE_DIAGNOSIS_POINTERS, charge, "diagnosis_codes", charge.diagnosisCodes(),
                after);
    }

    @Transactional
    public CoderCorrection changePlaceOfService(ChangePlaceOfService command) {
        Correction c = new Correction(command);
        Charge charge = c.charge(command.chargeId());
        String pos = code(command.placeOfService());
        if (pos == null) {
            c.problem(charge.record(), "placeOfService", "is required");
        } else if (!CodeFormats.isPlaceOfService(pos)) {
            c.problem(charge.record(), "placeOfService", "'" + pos + "' is not a place of service code: two digits");
        }
        c.unchanged(charge, "placeOfService", charge.placeOfService(), pos);
        c.check();
        return c.setCharge(Action.CHANGE_PLACE_OF_SERVICE, charge, "place_of_service", charge.placeOfService(), pos);
    }

    // ---- queries

    /** The corrections made to an encounter, newest first. */
    @Transactional(readOnly = true)
    public List<CoderCorrection> of(long encounterId) {
        return jdbc.sql("SELECT * FROM coder_correction WHERE encounter_id = ? ORDER BY id DESC").param(encounterId)
                .query(EncounterCorrections::correction).list();
    }

    @Transactional(readOnly = true)
    public Optional<CoderCorrection> find(long correctionId) {
        return jdbc.sql("SELECT * FROM coder_correction WHERE id = ?").param(correctionId)
                .query(EncounterCorrections::correction).optional();
    }

    private static CoderCorrection correction(ResultSet rs, int n) throws SQLException {
        return new CoderCorrection(rs.getLong("id"), rs.getLong("encounter_id"), rs.getInt("revision"),
                Action.valueOf(rs.getString("action")), rs.getString("entity"), rs.getLong("entity_id"),
                rs.getString("field"), rs.getString("before_value"), rs.getString("after_value"),
                rs.getString("reason"), rs.getString("corrected_by"),
                rs.getObject("corrected_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }

    // ---- one correction being made

    private record Diagnosis(long id, int sequence, String code, String description) {

        String record() {
            return "diagnosis " + id;
        }
    }

    private record Charge(long id, String transactionType, String status, String procedureCode, String modifiers,
                          BigDecimal units, String diagnosisCodes, String placeOfService) {

        String record() {
            return "charge " + id;
        }

        /** An active charge (not a credit, not reversed): what goes on a claim. */
        boolean billable() {
            return "CG".equals(transactionType) && "ACTIVE".equals(status);
        }
    }

    /**
     * One correction: takes the encounter's lock, checks it may be corrected, gathers problems, then makes the
     * change, its lineage and its record. Refusals come before any write.
     */
    private final class Correction {

        private final CorrectionCommand command;
        private final long encounterId;
        private final LocalDateTime now = LocalDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS),
                ZoneOffset.UTC);
        private final List<Problem> problems = new ArrayList<>();
        private final List<String[]> sources = new ArrayList<>(); // entity, entity id, field, value
        private final String user;
        private final String reason;

        Correction(CorrectionCommand command) {
            this.command = command;
            this.encounterId = command.encounterId();
            Map<String, Object> encounter = jdbc.sql("SELECT status, revision FROM encounter WHERE id = ? FOR UPDATE")
                    .param(encounterId).query().listOfRows().stream().findFirst()
                    .orElseThrow(() -> new CorrectionTargetNotFound(new Problem(encounterRecord(), "encounterId",
                            "no such encounter")));
            if ("CANCELLED".equals(encounter.get("status"))) {
                throw new CorrectionConflict(new Problem(encounterRecord(), "encounterId",
                        "the encounter is cancelled: it takes no corrections"));
            }
            int revision = ((Number) encounter.get("revision")).intValue();
            if (revision != command.expectedRevision()) {
                throw new CorrectionConflict(new Problem(encounterRecord(), "expectedRevision",
                        "the encounter changed since it was loaded (revision " + command.expectedRevision()
                                + ", now " + revision + "): load it again and decide afresh"));
            }
            this.user = text("user", command.user(), 100);
            this.reason = text("reason", command.reason(), 500);
            if (user == null) {
                problem(encounterRecord(), "user", "who corrects must be named");
            }
            if (reason == null) {
                problem(encounterRecord(), "reason", "a correction needs a reason");
            }
        }

        String encounterRecord() {
            return "encounter " + encounterId;
        }

        void problem(String record, String field, String message) {
            problems.add(new Problem(record, field, message));
        }

        /** Refuses the correction with every problem found, if any. */
        void check() {
            if (!problems.isEmpty()) {
                throw new InvalidCorrection(problems);
            }
        }

        /** Trimmed, null when blank; a problem when longer than {@code max}. */
        String text(String field, String value, int max) {
            String trimmed = value == null || value.isBlank() ? null : value.strip();
            if (trimmed != null && trimmed.length() > max) {
                problem(encounterRecord(), field, "at most " + max + " characters, not " + trimmed.length());
            }
            return trimmed;
        }

        /** An ICD-10-CM code not already on the encounter (other than on {@code self}). */
        String diagnosisCode(String field, String value, List<Diagnosis> diagnoses, Diagnosis self) {
            String record = self == null ? encounterRecord() : self.record();
            String code = code(value);
            if (code == null) {
                problem(record, field, "is required");
                return null;
            }
            if (!CodeFormats.isIcd10cm(code)) {
                problem(record, field, "'" + code + "' is not an ICD-10-CM code: a letter, a digit, a letter or"
                        + " digit, then up to four more after an optional dot");
                return code;
            }
            diagnoses.stream().filter(d -> d != self && sameCode(d.code(), code)).findFirst().ifPresent(d ->
                    problem(record, field, code + " is on the encounter already, as " + d.record()));
            return code;
        }

        /** The encounter's diagnoses in pointer order, locked. */
        List<Diagnosis> diagnoses() {
            return jdbc.sql("""
                    SELECT id, sequence, code, description FROM diagnosis WHERE encounter_id = ?
                    ORDER BY sequence, id FOR UPDATE""").param(encounterId)
                    .query((rs, n) -> new Diagnosis(rs.getLong("id"), rs.getInt("sequence"), rs.getString("code"),
                            rs.getString("description"))).list();
        }

        Diagnosis diagnosis(List<Diagnosis> diagnoses, long id, String field) {
            return diagnoses.stream().filter(d -> d.id() == id).findFirst()
                    .orElseThrow(() -> new CorrectionTargetNotFound(new Problem("diagnosis " + id, field,
                            "no such diagnosis on " + encounterRecord())));
        }

        /** The encounter's charge lines, locked. */
        List<Charge> charges() {
            return jdbc.sql(CHARGE + "WHERE encounter_id = ? ORDER BY id FOR UPDATE").param(encounterId)
                    .query(EncounterCorrections::charge).list();
        }

        /** A charge line of the encounter that goes on a claim, locked. */
        Charge charge(long id) {
            Charge charge = jdbc.sql(CHARGE + "WHERE id = ? AND encounter_id = ? FOR UPDATE").param(id)
                    .param(encounterId).query(EncounterCorrections::charge).optional()
                    .orElseThrow(() -> new CorrectionTargetNotFound(new Problem("charge " + id, "chargeId",
                            "no such charge on " + encounterRecord())));
            if (!"CG".equals(charge.transactionType())) {
                throw new CorrectionConflict(new Problem(charge.record(), "chargeId",
                        "is a credit, not a charge line: it takes no corrections"));
            }
            if (!"ACTIVE".equals(charge.status())) {
                throw new CorrectionConflict(new Problem(charge.record(), "chargeId",
                        "was reversed by a credit: it goes on no claim and takes no corrections"));
            }
            return charge;
        }

        void unchanged(Charge charge, String field, String before, String after) {
            if (problems.isEmpty() && Objects.equals(before, after)) {
                problem(charge.record(), field, "is " + (after == null ? "empty" : after)
                        + " already: nothing to change");
            }
        }

        /** Whether putting the diagnoses in this order changes any sequence. */
        boolean resequences(List<Diagnosis> ordered) {
            for (int i = 0; i < ordered.size(); i++) {
                if (ordered.get(i).sequence() != i + 1) {
                    return true;
                }
            }
            return false;
        }

        /** Numbers the diagnoses 1, 2, ... in this order, recording each sequence that changes. */
        void resequence(List<Diagnosis> ordered) {
            for (int i = 0; i < ordered.size(); i++) {
                Diagnosis diagnosis = ordered.get(i);
                if (diagnosis.sequence() != i + 1) {
                    update("UPDATE diagnosis SET sequence = ? WHERE id = ?", i + 1, diagnosis.id());
                    source("diagnosis", diagnosis.id(), "sequence", String.valueOf(i + 1));
                }
            }
        }

        CoderCorrection setCharge(Action action, Charge charge, String column, String before, String after) {
            update("UPDATE charge SET " + column + " = ? WHERE id = ?", after, charge.id());
            source("charge", charge.id(), column, after);
            return finish(action, "charge", charge.id(), column, before, after);
        }

        void update(String sql, Object... params) {
            batch.update(sql, params);
        }

        long insert(String sql, Object... params) {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            batch.update(connection -> {
                PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                return ps;
            }, key);
            return Objects.requireNonNull(key.getKey()).longValue();
        }

        void source(String entity, long entityId, String field, String value) {
            sources.add(new String[] {entity, String.valueOf(entityId), field, value});
        }

        /** Moves the encounter's revision on, records the correction and its lineage, and says so. */
        CoderCorrection finish(Action action, String entity, long entityId, String field, String before,
                               String after) {
            jdbc.sql("UPDATE encounter SET revision = revision + 1, changed_at = ? WHERE id = ?").param(now)
                    .param(encounterId).update();
            int revision = jdbc.sql("SELECT revision FROM encounter WHERE id = ?").param(encounterId)
                    .query(Integer.class).single();
            long id = insert("""
                    INSERT INTO coder_correction (encounter_id, action, entity, entity_id, field, before_value,
                        after_value, reason, corrected_by, corrected_at, revision)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", encounterId, action.name(), entity, entityId, field,
                    cut(before), cut(after), reason, user, now, revision);
            batch.batchUpdate("""
                    INSERT INTO field_source (entity, entity_id, field, message_id, hl7_path, correction_id, value,
                        recorded_at)
                    VALUES (?, ?, ?, NULL, NULL, ?, ?, ?)""", sources.stream()
                    .map(s -> new Object[] {s[0], Long.parseLong(s[1]), s[2], id, cut(s[3]), now}).toList());
            events.publishEvent(new EncounterChanged(encounterId, revision));
            // as stored: the database may keep the time less precisely than the clock gave it
            return jdbc.sql("SELECT * FROM coder_correction WHERE id = ?").param(id)
                    .query(EncounterCorrections::correction).single();
        }
    }

    private static final String CHARGE = """
            SELECT id, transaction_type, status, procedure_code, modifiers, units, diagnosis_codes, place_of_service
            FROM charge
            """;

    private static Charge charge(ResultSet rs, int n) throws SQLException {
        return new Charge(rs.getLong("id"), rs.getString("transaction_type"), rs.getString("status"),
                rs.getString("procedure_code"), rs.getString("modifiers"), rs.getBigDecimal("units"),
                rs.getString("diagnosis_codes"), rs.getString("place_of_service"));
    }

    /** A code as typed: trimmed, upper case; null when blank. */
    private static String code(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    /** Codes as typed, blanks left out. */
    private static List<String> codes(List<String> values) {
        return values == null ? List.of()
                : values.stream().map(EncounterCorrections::code).filter(Objects::nonNull).toList();
    }

    /** The same ICD-10-CM code, with or without its dot. */
    private static boolean sameCode(String a, String b) {
        Function<String, String> bare = s -> s.replace(".", "").toUpperCase(Locale.ROOT);
        return bare.apply(a).equals(bare.apply(b));
    }

    /** A stored comma separated list, as its items. */
    private static List<String> list(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isEmpty() ? List.of()
                : Arrays.asList(commaSeparated.split(","));
    }

    /** Items as stored: comma separated, null for none. */
    private static String joined(List<String> items) {
        return items.isEmpty() ? null : String.join(",", items);
    }

    private static String cut(String value) {
        return value == null || value.length() <= 500 ? value : value.substring(0, 500);
    }
}
