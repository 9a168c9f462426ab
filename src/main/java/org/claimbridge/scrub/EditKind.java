package org.claimbridge.scrub;

import java.util.List;

/** The table-driven edits a rule file can name with {@code edit:}, each with the table format it reads. */
enum EditKind {
    PROCEDURE_PAIRS("procedure-pairs", RuleTarget.CHARGES, ProcedurePairs.COLUMNS),
    UNIT_LIMITS("unit-limits", RuleTarget.CHARGES, UnitLimits.COLUMNS),
    AGE_SEX("age-sex", RuleTarget.DIAGNOSES, AgeSexEdits.COLUMNS);

    /** the value of {@code edit:} */
    final String name;
    /** what its hits are lines of, for the finding's field and the message's variables */
    final RuleTarget target;
    /** the table's header */
    final List<String> columns;

    EditKind(String name, RuleTarget target, List<String> columns) {
        this.name = name;
        this.target = target;
        this.columns = columns;
    }

    /** Reads a table of this kind; bad rows are added to {@code errors} with the table's file and line. */
    EditTable read(String file, String text, String ruleId, List<RuleFileError> errors) {
        List<EditCsv.Row> rows = EditCsv.rows(file, text, columns, ruleId, errors);
        return switch (this) {
            case PROCEDURE_PAIRS -> ProcedurePairs.of(file, rows, ruleId, errors);
            case UNIT_LIMITS -> UnitLimits.of(file, rows, ruleId, errors);
            case AGE_SEX -> AgeSexEdits.of(file, rows, ruleId, errors);
        };
    }

    static EditKind of(String name) {
        for (EditKind kind : values()) {
            if (kind.name.equals(name)) {
                return kind;
            }
        }
        return null;
    }

    static List<String> names() {
        return java.util.Arrays.stream(values()).map(k -> k.name).toList();
    }
}
