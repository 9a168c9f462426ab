package org.claimbridge.scrub;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * NCCI-style procedure-to-procedure edits: two codes billed for the same patient on the same date of service where
 * the column-2 code is part of the column-1 code. Modifier indicator 0: never paid together; 1: allowed when the
 * column-2 line carries a bypass modifier (59, XE, XS, XP, XU, 25...); 9: the edit does not apply.
 * <p>
 * The full CMS practitioner file has over a million rows, so a table is kept compact: a map from column-1 code to an
 * array of its edits sorted by column-2 code (binary-searched), with codes, dates and rationales shared between rows.
 */
final class ProcedurePairs implements EditTable {

    static final List<String> COLUMNS = List.of("column1", "column2", "effective", "deletion", "modifier_indicator",
            "rationale");
    private static final Comparator<Pair> BY_COLUMN2 = Comparator.comparing(Pair::column2)
            .thenComparing(Pair::effective);

    /**
     * One edit.
     *
     * @param deletion          the last date of service the edit applies to, null while it is in force
     * @param modifierIndicator 0, 1 or 9
     */
    record Pair(String column1, String column2, LocalDate effective, LocalDate deletion, int modifierIndicator,
                String rationale) {

        boolean inEffectOn(LocalDate date) {
            return !date.isBefore(effective) && (deletion == null || !date.isAfter(deletion));
        }
    }

    private final Map<String, Pair[]> byColumn1;
    private final int size;

    private ProcedurePairs(Map<String, Pair[]> byColumn1, int size) {
        this.byColumn1 = byColumn1;
        this.size = size;
    }

    int size() {
        return size;
    }

    static ProcedurePairs of(String file, List<EditCsv.Row> rows, String ruleId, List<RuleFileError> errors) {
        Map<String, List<Pair>> grouped = new HashMap<>();
        // one instance per distinct value: a million rows repeat a few thousand codes, dates and rationales
        Map<Object, Object> shared = new HashMap<>();
        int size = 0;
        for (EditCsv.Row row : rows) {
            try {
                String column1 = share(shared, EditCsv.procedure(row.get(0), "column1"));
                String column2 = share(shared, EditCsv.procedure(row.get(1), "column2"));
                LocalDate effective = share(shared, EditCsv.date(row.get(2), "effective"));
                LocalDate deletion = share(shared, EditCsv.optionalDate(row.get(3), "deletion"));
                if (deletion != null && deletion.isBefore(effective)) {
                    throw new EditCsv.BadValue("deletion " + deletion + " is before effective " + effective);
                }
                int indicator = EditCsv.integer(row.get(4), "modifier_indicator", 0, 9);
                if (indicator != 0 && indicator != 1 && indicator != 9) {
                    throw new EditCsv.BadValue("modifier_indicator '" + indicator + "' is not 0, 1 or 9");
                }
                String rationale = row.get(5).isEmpty() ? null : share(shared, row.get(5));
                grouped.computeIfAbsent(column1, c -> new ArrayList<>(4))
                        .add(new Pair(column1, column2, effective, deletion, indicator, rationale));
                size++;
            } catch (EditCsv.BadValue e) {
                errors.add(new RuleFileError(file, row.line(), ruleId, e.getMessage()));
            }
        }
        Map<String, Pair[]> byColumn1 = new HashMap<>(grouped.size() * 4 / 3 + 1);
        grouped.forEach((code, pairs) -> {
            Pair[] array = pairs.toArray(Pair[]::new);
            Arrays.sort(array, BY_COLUMN2);
            byColumn1.put(code, array);
        });
        return new ProcedurePairs(byColumn1, size);
    }

    @SuppressWarnings("unchecked")
    private static <T> T share(Map<Object, Object> shared, T value) {
        return value == null ? null : (T) shared.computeIfAbsent(value, v -> v);
    }

    /** The edit between two codes in force on a date, if any. */
    Pair find(String column1, String column2, LocalDate date) {
        Pair[] pairs = byColumn1.get(column1);
        if (pairs == null) {
            return null;
        }
        int low = 0;
        int high = pairs.length - 1;
        while (low < high) { // the first pair whose column 2 is not below the one asked for
            int mid = (low + high) >>> 1;
            if (pairs[mid].column2().compareTo(column2) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        for (int i = low; i < pairs.length && pairs[i].column2().equals(column2); i++) {
            if (pairs[i].inEffectOn(date)) {
                return pairs[i];
            }
        }
        return null;
    }

    @Override
    public List<EditHit> hits(ClaimContext claim, Edit edit) {
        List<ClaimContext.Charge> lines = claim.charges() == null ? List.of() : claim.charges().stream()
                .filter(c -> c.billed() && c.code() != null && c.serviceDate() != null).toList();
        List<EditHit> hits = new ArrayList<>();
        // one finding per column-2 line and column-1 code, however many lines carry that code
        java.util.Set<String> reported = new java.util.HashSet<>();
        for (ClaimContext.Charge column1 : lines) {
            if (!byColumn1.containsKey(column1.code())) {
                continue;
            }
            for (ClaimContext.Charge column2 : lines) {
                if (column2 == column1 || column2.code().equals(column1.code())
                        || !column2.serviceDate().equals(column1.serviceDate())) {
                    continue;
                }
                Pair pair = find(column1.code(), column2.code(), column2.serviceDate());
                if (pair == null || pair.modifierIndicator() == 9 || pair.modifierIndicator() == 1
                        && column2.modifiers().stream().anyMatch(edit.bypassModifiers()::contains)) {
                    continue;
                }
                if (!reported.add(column2.line() + "|" + column1.code())) {
                    continue;
                }
                hits.add(new EditHit(column2.line(), column2, Map.of("other", column1, "pair", pair)));
            }
        }
        return hits;
    }

    @Override
    public EditHit sample(ClaimContext claim) {
        if (claim.charges() == null || claim.charges().isEmpty()) {
            return null;
        }
        ClaimContext.Charge charge = claim.charges().get(0);
        Pair pair = new Pair("20610", "99213", LocalDate.of(2020, 1, 1), null, 1, "Standards of medical practice");
        return new EditHit(charge.line(), charge, Map.of("other", charge, "pair", pair));
    }
}
