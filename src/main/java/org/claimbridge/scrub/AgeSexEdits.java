package org.claimbridge.scrub;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Diagnoses that only fit some patients: pregnancy codes on a female of child-bearing age, newborn codes on a
 * patient under one, prostate codes on a male. Each row is a range of ICD-10-CM categories (by prefix, so
 * {@code O00}-{@code O9A} covers every code from O00 to O9A.xx) with the sex and the age range it fits. A diagnosis
 * is checked against the first row that covers it and that the patient does not fit.
 */
final class AgeSexEdits implements EditTable {

    static final List<String> COLUMNS = List.of("from", "to", "sex", "min_age", "max_age", "description");
    private static final Pattern PREFIX = Pattern.compile("[A-Z][0-9][0-9A-Z]{1,5}");

    /**
     * @param sex    M or F, null for either
     * @param minAge whole years on the first service date, null for no lower bound
     */
    record AgeSex(String from, String to, String sex, Integer minAge, Integer maxAge, String description) {

        boolean covers(String code) {
            return prefix(code, from).compareTo(from) >= 0 && prefix(code, to).compareTo(to) <= 0;
        }

        private static String prefix(String code, String bound) {
            return code.length() <= bound.length() ? code : code.substring(0, bound.length());
        }

        /** Who the codes are for, as a message says it: "female patients aged 12 to 55". */
        public String patients() {
            String who = "F".equals(sex) ? "female patients" : "M".equals(sex) ? "male patients" : "patients";
            if (minAge != null && maxAge != null) {
                return who + (minAge.equals(maxAge) ? " aged " + minAge : " aged " + minAge + " to " + maxAge);
            }
            return minAge != null ? who + " aged " + minAge + " or more"
                    : maxAge != null ? who + " aged up to " + maxAge : who;
        }
    }

    private final List<AgeSex> rows;

    private AgeSexEdits(List<AgeSex> rows) {
        this.rows = rows;
    }

    static AgeSexEdits of(String file, List<EditCsv.Row> rows, String ruleId, List<RuleFileError> errors) {
        List<AgeSex> edits = new ArrayList<>();
        for (EditCsv.Row row : rows) {
            try {
                String from = code(row.get(0), "from");
                String to = code(row.get(1), "to");
                if (from.compareTo(to) > 0) {
                    throw new EditCsv.BadValue("from '" + from + "' is after to '" + to + "'");
                }
                String sex = row.get(2).toUpperCase(Locale.ROOT);
                if (!sex.isEmpty() && !sex.equals("M") && !sex.equals("F")) {
                    throw new EditCsv.BadValue("sex '" + row.get(2) + "' is not M, F or empty (either)");
                }
                Integer min = row.get(3).isEmpty() ? null : EditCsv.integer(row.get(3), "min_age", 0, 130);
                Integer max = row.get(4).isEmpty() ? null : EditCsv.integer(row.get(4), "max_age", 0, 130);
                if (min != null && max != null && min > max) {
                    throw new EditCsv.BadValue("min_age " + min + " is above max_age " + max);
                }
                if (row.get(5).isEmpty()) {
                    throw new EditCsv.BadValue("description is empty");
                }
                edits.add(new AgeSex(from, to, sex.isEmpty() ? null : sex, min, max, row.get(5)));
            } catch (EditCsv.BadValue e) {
                errors.add(new RuleFileError(file, row.line(), ruleId, e.getMessage()));
            }
        }
        return new AgeSexEdits(List.copyOf(edits));
    }

    private static String code(String value, String column) {
        String code = value.replace(".", "").toUpperCase(Locale.ROOT);
        if (!PREFIX.matcher(code).matches()) {
            throw new EditCsv.BadValue(column + " '" + value + "' is not an ICD-10-CM category or code");
        }
        return code;
    }

    @Override
    public List<EditHit> hits(ClaimContext claim, Edit edit) {
        ClaimContext.Patient patient = claim.patient();
        String sex = patient == null || !("M".equals(patient.sex()) || "F".equals(patient.sex())) ? null
                : patient.sex();
        Integer age = patient == null ? null : patient.age();
        List<EditHit> hits = new ArrayList<>();
        for (ClaimContext.Diagnosis diagnosis : claim.diagnoses() == null ? List.<ClaimContext.Diagnosis>of()
                : claim.diagnoses()) {
            if (diagnosis.code() == null) {
                continue;
            }
            String code = diagnosis.code().replace(".", "").strip().toUpperCase(Locale.ROOT);
            for (AgeSex row : rows) {
                if (!row.covers(code)) {
                    continue;
                }
                boolean wrongSex = row.sex() != null && sex != null && !row.sex().equals(sex);
                boolean wrongAge = age != null && (row.minAge() != null && age < row.minAge()
                        || row.maxAge() != null && age > row.maxAge());
                if (wrongSex || wrongAge) {
                    hits.add(new EditHit(diagnosis.pointer(), diagnosis, Map.of("edit", row, "problem",
                            wrongSex && wrongAge ? "sex and age" : wrongSex ? "sex" : "age")));
                    break;
                }
            }
        }
        return hits;
    }

    @Override
    public EditHit sample(ClaimContext claim) {
        if (claim.diagnoses() == null || claim.diagnoses().isEmpty()) {
            return null;
        }
        ClaimContext.Diagnosis diagnosis = claim.diagnoses().get(0);
        return new EditHit(diagnosis.pointer(), diagnosis, Map.of("edit",
                new AgeSex("O00", "O9A", "F", 12, 55, "pregnancy"), "problem", "sex"));
    }
}
