package org.claimbridge.codes;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CMS annual alpha-numeric HCPCS file ({@code HCPC<year>_<month>_ANWEB.txt}), fixed width. Only the
 * columns needed to say that a Level II code exists are read (1-based):
 * <pre>
 *  1-5     HCPCS code
 *  6-10    description sequence number
 *  11      record id: 3 first line of a procedure, 4 its continuation lines, 7/8 the same for modifiers
 *  12-91   long description (continued on record-id-4 lines, joined with a space)
 *  92-119  short description (first line only)
 * </pre>
 * Modifier records (7/8) and anything that is not a Level II code (a letter and four digits) are skipped: modifiers
 * load from their own file, and CPT (Level I) is not ours to load from here. Pricing, coverage and termination
 * columns are not read; the import's effective date decides validity.
 */
final class HcpcsFile {

    private HcpcsFile() {
    }

    static List<CodeRow> read(CodeSource source) {
        List<String> lines = source.lines();
        List<CodeRow> rows = new ArrayList<>();
        CodeRow current = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            if (line.isBlank()) {
                continue;
            }
            if (line.length() < 12) {
                throw new CodeFileException(source.name(), number, "is " + line.length() + " characters long; an"
                        + " HCPCS record has its record id in column 11 and a description from column 12");
            }
            char recordId = line.charAt(10);
            String code = line.substring(0, 5).strip();
            String text = column(line, 11, 91);
            switch (recordId) {
                case '3' -> {
                    if (current != null) {
                        rows.add(current);
                    }
                    current = CodeFormats.isHcpcsLevelII(code)
                            ? new CodeRow(code, true, column(line, 91, 119), text, number) : null;
                }
                case '4' -> {
                    if (current != null && current.code().equals(code)) {
                        current = new CodeRow(code, true, current.shortDescription(),
                                current.description() + " " + text, current.line());
                    } else if (CodeFormats.isHcpcsLevelII(code)) {
                        throw new CodeFileException(source.name(), number, "continuation of " + code
                                + " without its first line (record id 3)");
                    }
                }
                case '7', '8' -> {
                    // modifiers: read from modifiers.csv instead
                }
                default -> throw new CodeFileException(source.name(), number, "record id (column 11) is '"
                        + recordId + "', not 3, 4, 7 or 8");
            }
        }
        if (current != null) {
            rows.add(current);
        }
        return rows;
    }

    private static String column(String line, int from, int to) {
        return from >= line.length() ? "" : line.substring(from, Math.min(to, line.length())).strip();
    }
}
