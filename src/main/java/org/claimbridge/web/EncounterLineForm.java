package org.claimbridge.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.claimbridge.encounter.CorrectionCommand;
import org.claimbridge.encounter.CorrectionRefused;
import org.claimbridge.encounter.EncounterDetails;

/**
 * The encounter page's diagnosis and charge lines as a form: what each input shows (what is on file, or what the coder
 * typed when a save is sent back), the corrections a save asks for (only the fields that differ from what is on file),
 * and the errors of a refused save, each by the input it is about and naming the line and field.
 *
 * <p>Input ids, also the form's parameter names: {@code dx-<n>-code}, {@code dx-<n>-order} for the n-th diagnosis in
 * pointer order; {@code charge-<n>-code}, {@code -modifiers}, {@code -units}, {@code -pointers}, {@code -pos} for the
 * n-th charge line in the encounter's charge order (the scrub's line numbers, so a finding on
 * {@code charges[2].placeOfService} is about {@code charge-2-pos}); {@code edit-reason}. Lists (modifiers, pointers)
 * are typed separated by commas or spaces; pointers are diagnosis codes.
 */
final class EncounterLineForm {

    static final String REASON = "edit-reason";
    static final String REVISION = "revision";
    private static final int REASON_MAX = 500;
    private static final Pattern FINDING_FIELD = Pattern.compile("(charges|diagnoses)\\[(\\d+)]\\.(\\w+)");

    /** A diagnosis line; {@code on} is the date its code is checked for: the encounter's first date of service. */
    record DiagnosisLine(int n, EncounterDetails.Diagnosis diagnosis, LocalDate on) {

        String label() {
            return "Diagnosis " + n;
        }
    }

    /** A charge line; only a billed one (not a credit, not reversed) takes corrections. */
    record ChargeLine(int n, EncounterDetails.Charge charge, LocalDate on, boolean editable) {

        String label() {
            return "Charge line " + n + (charge.procedureCode() == null ? "" : " (" + charge.procedureCode() + ")");
        }
    }

    private final EncounterDetails details;
    private final List<DiagnosisLine> diagnoses = new ArrayList<>();
    private final List<ChargeLine> charges = new ArrayList<>();
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private EncounterLineForm(EncounterDetails details) {
        this.details = details;
        LocalDate first = firstServiceDate(details);
        int n = 0;
        for (EncounterDetails.Diagnosis d : details.diagnoses()) {
            n++;
            diagnoses.add(new DiagnosisLine(n, d, first));
            values.put(dx(n, "code"), d.code());
            values.put(dx(n, "order"), String.valueOf(n));
        }
        n = 0;
        for (EncounterDetails.Charge c : details.charges()) {
            n++;
            // what the corrections take: a charge (not a credit) no credit has taken back
            charges.add(new ChargeLine(n, c, c.serviceDate() == null ? first : c.serviceDate(),
                    "CG".equals(c.transactionType()) && "ACTIVE".equals(c.status())));
            values.put(charge(n, "code"), Objects.toString(c.procedureCode(), ""));
            values.put(charge(n, "modifiers"), String.join(", ", c.modifiers()));
            values.put(charge(n, "units"), c.units() == null ? "" : c.units().stripTrailingZeros().toPlainString());
            values.put(charge(n, "pointers"), String.join(", ", c.diagnosisCodes()));
            values.put(charge(n, "pos"), Objects.toString(c.placeOfService(), ""));
        }
        values.put(REASON, "");
    }

    /** The lines as on file. */
    static EncounterLineForm of(EncounterDetails details) {
        return new EncounterLineForm(details);
    }

    /** The lines as the coder sent them; inputs not sent (a read-only line) keep what is on file. */
    static EncounterLineForm typed(EncounterDetails details, Map<String, String> form) {
        EncounterLineForm lines = new EncounterLineForm(details);
        lines.values.replaceAll((id, stored) -> form.containsKey(id) ? form.get(id) : stored);
        return lines;
    }

    static String dx(int n, String field) {
        return "dx-" + n + "-" + field;
    }

    static String charge(int n, String field) {
        return "charge-" + n + "-" + field;
    }

    /**
     * The input a finding's field is about ({@code charges[2].placeOfService} → {@code charge-2-pos}), or null when
     * it is about something not edited here (the patient, the coverage, a provider).
     */
    static String inputFor(String findingField) {
        if (findingField == null) {
            return null;
        }
        Matcher m = FINDING_FIELD.matcher(findingField);
        if (!m.lookingAt()) {
            return findingField.equals("diagnoses") ? dx(1, "code") : null;
        }
        int n = Integer.parseInt(m.group(2));
        if (m.group(1).equals("diagnoses")) {
            return dx(n, "code");
        }
        return switch (m.group(3)) {
            case "code" -> charge(n, "code");
            case "modifiers" -> charge(n, "modifiers");
            case "units" -> charge(n, "units");
            case "diagnosisCodes" -> charge(n, "pointers");
            case "placeOfService" -> charge(n, "pos");
            default -> null;
        };
    }

    public List<DiagnosisLine> diagnoses() {
        return diagnoses;
    }

    public List<ChargeLine> charges() {
        return charges;
    }

    public Map<String, String> values() {
        return values;
    }

    /** Errors by input id, in the order the form shows the inputs. */
    public Map<String, String> errors() {
        return errors;
    }

    /** Errors about no one input. */
    public List<String> problems() {
        return problems;
    }

    public boolean refused() {
        return !errors.isEmpty() || !problems.isEmpty();
    }

    public String value(String id) {
        return values.getOrDefault(id, "");
    }

    /**
     * The corrections this save asks for, in an order that lets each apply after the one before: diagnosis codes,
     * then their order, then each charge line's fields. Every changed code is checked against the code sets first;
     * when anything is wrong the answer is empty and {@link #errors()} say what.
     */
    List<CorrectionCommand> corrections(CodeCheck check, int revision, String user) {
        long encounterId = details.encounter().id();
        String reason = value(REASON).strip();
        List<CorrectionCommand> commands = new ArrayList<>();
        Map<String, String> renamed = new HashMap<>(); // old diagnosis code (bare) -> new, for the pointers
        List<String> diagnosisCodes = new ArrayList<>(); // the encounter's codes after this save
        for (DiagnosisLine line : diagnoses) {
            String id = dx(line.n(), "code");
            String typed = code(value(id));
            String stored = line.diagnosis().code();
            if (typed.isEmpty()) {
                error(id, line.label() + ", code: a code is required");
                diagnosisCodes.add(stored);
            } else if (!bare(typed).equals(bare(stored))) {
                CodeCheck.Verdict verdict = check.check(CodeCheck.Kind.ICD10CM, typed, line.on());
                if (!verdict.valid()) {
                    error(id, line.label() + ", code: " + verdict.message());
                }
                commands.add(new CorrectionCommand.ChangeDiagnosisCode(encounterId, revision, user, reason,
                        line.diagnosis().id(), typed, verdict.description()));
                renamed.put(bare(stored), typed);
                diagnosisCodes.add(typed);
            } else {
                diagnosisCodes.add(stored);
            }
        }
        reorder(encounterId, revision, user, reason).ifPresent(commands::add);
        for (ChargeLine line : charges) {
            if (line.editable()) {
                chargeCorrections(check, line, encounterId, revision, user, reason, renamed, diagnosisCodes,
                        commands);
            }
        }
        if (commands.isEmpty() && errors.isEmpty()) {
            problems.add("Nothing to save: every line is as it is on file.");
        } else if (reason.isEmpty()) {
            error(REASON, "Reason: a reason is required for a change, so the next person knows why");
        } else if (reason.length() > REASON_MAX) {
            error(REASON, "Reason: at most " + REASON_MAX + " characters, not " + reason.length());
        }
        return refused() ? List.of() : commands;
    }

    private Optional<CorrectionCommand> reorder(long encounterId, int revision, String user, String reason) {
        Map<Integer, DiagnosisLine> byOrder = new HashMap<>();
        boolean wrong = false;
        for (DiagnosisLine line : diagnoses) {
            String id = dx(line.n(), "order");
            String typed = value(id).strip();
            Integer order = null;
            try {
                order = Integer.valueOf(typed);
            } catch (NumberFormatException e) {
                // said below
            }
            if (order == null || order < 1 || order > diagnoses.size()) {
                error(id, line.label() + ", order: '" + typed + "' is not a position from 1 to " + diagnoses.size());
                wrong = true;
            } else if (byOrder.containsKey(order)) {
                error(id, line.label() + ", order: " + order + " is given to diagnosis " + byOrder.get(order).n()
                        + " too; each position once");
                wrong = true;
            } else {
                byOrder.put(order, line);
            }
        }
        if (wrong) {
            return Optional.empty();
        }
        List<DiagnosisLine> ordered = byOrder.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue).toList();
        if (ordered.equals(diagnoses)) {
            return Optional.empty();
        }
        return Optional.of(new CorrectionCommand.ReorderDiagnoses(encounterId, revision, user, reason,
                ordered.stream().map(l -> l.diagnosis().id()).toList()));
    }

    private void chargeCorrections(CodeCheck check, ChargeLine line, long encounterId, int revision, String user,
                                   String reason, Map<String, String> renamed, List<String> diagnosisCodes,
                                   List<CorrectionCommand> commands) {
        EncounterDetails.Charge c = line.charge();
        int n = line.n();
        String codeId = charge(n, "code");
        String code = code(value(codeId));
        if (code.isEmpty()) {
            error(codeId, line.label() + ", procedure code: a code is required");
        } else if (!code.equals(Objects.toString(c.procedureCode(), ""))) {
            checked(check, CodeCheck.Kind.PROCEDURE, code, line, codeId, "procedure code");
            commands.add(new CorrectionCommand.ChangeProcedureCode(encounterId, revision, user, reason, c.id(), code));
        }

        String modifiersId = charge(n, "modifiers");
        List<String> modifiers = items(value(modifiersId));
        if (!modifiers.equals(c.modifiers())) {
            List<String> wrong = new ArrayList<>();
            for (String modifier : modifiers) {
                CodeCheck.Verdict verdict = check.check(CodeCheck.Kind.MODIFIER, modifier, line.on());
                if (!verdict.valid()) {
                    wrong.add(verdict.message());
                }
            }
            if (!wrong.isEmpty()) {
                error(modifiersId, line.label() + ", modifiers: " + String.join("; ", wrong));
            }
            commands.add(new CorrectionCommand.ChangeModifiers(encounterId, revision, user, reason, c.id(),
                    modifiers));
        }

        String unitsId = charge(n, "units");
        String typedUnits = value(unitsId).strip();
        BigDecimal units = null;
        try {
            units = typedUnits.isEmpty() ? null : new BigDecimal(typedUnits);
        } catch (NumberFormatException e) {
            error(unitsId, line.label() + ", units: '" + typedUnits + "' is not a number");
        }
        if (typedUnits.isEmpty()) {
            error(unitsId, line.label() + ", units: a number of units is required");
        } else if (units != null && (c.units() == null || units.compareTo(c.units()) != 0)) {
            if (units.signum() <= 0) {
                error(unitsId, line.label() + ", units: must be more than 0, not " + typedUnits);
            }
            commands.add(new CorrectionCommand.ChangeUnits(encounterId, revision, user, reason, c.id(), units));
        }

        String pointersId = charge(n, "pointers");
        List<String> pointers = items(value(pointersId));
        List<String> expected = c.diagnosisCodes().stream().map(p -> renamed.getOrDefault(bare(p), p)).toList();
        // left as loaded, or as the diagnosis code changes above leave them: nothing for this line
        if (!bare(pointers).equals(bare(c.diagnosisCodes())) && !bare(pointers).equals(bare(expected))) {
            List<String> known = bare(diagnosisCodes);
            List<String> unknown = pointers.stream().filter(p -> !known.contains(bare(p))).toList();
            if (!unknown.isEmpty()) {
                error(pointersId, line.label() + ", diagnosis pointers: " + String.join(", ", unknown)
                        + (unknown.size() == 1 ? " is" : " are") + " not a diagnosis of this encounter ("
                        + String.join(", ", diagnosisCodes) + ")");
            }
            commands.add(new CorrectionCommand.ChangeDiagnosisPointers(encounterId, revision, user, reason, c.id(),
                    pointers));
        }

        String posId = charge(n, "pos");
        String pos = code(value(posId));
        if (pos.isEmpty()) {
            error(posId, line.label() + ", place of service: a code is required");
        } else if (!pos.equals(Objects.toString(c.placeOfService(), ""))) {
            checked(check, CodeCheck.Kind.POS, pos, line, posId, "place of service");
            commands.add(new CorrectionCommand.ChangePlaceOfService(encounterId, revision, user, reason, c.id(),
                    pos));
        }
    }

    private void checked(CodeCheck check, CodeCheck.Kind kind, String code, ChargeLine line, String id,
                         String field) {
        CodeCheck.Verdict verdict = check.check(kind, code, line.on());
        if (!verdict.valid()) {
            error(id, line.label() + ", " + field + ": " + verdict.message());
        }
    }

    /**
     * Puts a refusal of the corrections next to the inputs it is about: the problem names a record ("charge 17") and
     * a field of the correction ("modifiers").
     */
    void refusedBy(CorrectionRefused refused) {
        for (CorrectionRefused.Problem p : refused.problems()) {
            String input = input(p);
            String label = label(p);
            if (input == null) {
                problems.add(label + ": " + p.message());
            } else {
                error(input, label + ": " + p.message());
            }
        }
    }

    private String input(CorrectionRefused.Problem p) {
        if ("reason".equals(p.field())) {
            return REASON;
        }
        for (ChargeLine line : charges) {
            if (p.record().equals("charge " + line.charge().id())) {
                return switch (p.field()) {
                    case "procedureCode" -> charge(line.n(), "code");
                    case "modifiers" -> charge(line.n(), "modifiers");
                    case "units" -> charge(line.n(), "units");
                    case "diagnosisCodes" -> charge(line.n(), "pointers");
                    case "placeOfService" -> charge(line.n(), "pos");
                    default -> null;
                };
            }
        }
        for (DiagnosisLine line : diagnoses) {
            if (p.record().equals("diagnosis " + line.diagnosis().id())) {
                return dx(line.n(), "code".equals(p.field()) ? "code" : "order");
            }
        }
        return "diagnosisIds".equals(p.field()) && !diagnoses.isEmpty() ? dx(1, "order") : null;
    }

    private String label(CorrectionRefused.Problem p) {
        for (ChargeLine line : charges) {
            if (p.record().equals("charge " + line.charge().id())) {
                return line.label() + ", " + p.field();
            }
        }
        for (DiagnosisLine line : diagnoses) {
            if (p.record().equals("diagnosis " + line.diagnosis().id())) {
                return line.label() + ", " + p.field();
            }
        }
        return "reason".equals(p.field()) ? "Reason" : p.record() + ", " + p.field();
    }

    private void error(String id, String message) {
        errors.merge(id, message, (a, b) -> a + "; " + b);
    }

    /** The encounter's first date of service: its earliest charge date, else its admission. */
    static LocalDate firstServiceDate(EncounterDetails details) {
        return details.charges().stream().map(EncounterDetails.Charge::serviceDate).filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(details.encounter().admittedAt() == null ? null
                        : details.encounter().admittedAt().toLocalDate());
    }

    private static String code(String typed) {
        return typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
    }

    private static List<String> items(String typed) {
        return Arrays.stream(code(typed).split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    /** An ICD-10-CM code without its dot, so E11.9 and E119 compare equal. */
    private static String bare(String code) {
        return code.replace(".", "").toUpperCase(Locale.ROOT);
    }

    private static List<String> bare(List<String> codes) {
        return codes.stream().map(EncounterLineForm::bare).collect(Collectors.toList());
    }
}
