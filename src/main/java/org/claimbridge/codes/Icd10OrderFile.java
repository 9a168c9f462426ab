package org.claimbridge.codes;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CMS ICD-10-CM (and ICD-10-PCS) order file, {@code icd10cm_order_<year>.txt}: one fixed-width line per
 * code, categories and subcategories included. Columns (1-based):
 * <pre>
 *  1-5   order number, zero-filled
 *  7-13  code, no dot, left-justified
 *  15    0 = header (not valid for submission), 1 = valid for HIPAA-covered transactions
 *  17-76 short description
 *  78-   long description
 * </pre>
 * Positions 6, 14, 16 and 77 are blanks.
 */
final class Icd10OrderFile {

    private static final int MIN_LENGTH = 78;

    private Icd10OrderFile() {
    }

    static List<CodeRow> read(CodeSource source) {
        List<String> lines = source.lines();
        List<CodeRow> rows = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            rows.add(parse(source.name(), i + 1, line));
        }
        return rows;
    }

    static CodeRow parse(String file, int number, String line) {
        if (line.length() < MIN_LENGTH) {
            throw new CodeFileException(file, number, "is " + line.length() + " characters long; an order-file line"
                    + " has the long description from column 78");
        }
        String order = line.substring(0, 5);
        if (!order.chars().allMatch(Character::isDigit)) {
            throw new CodeFileException(file, number, "order number (columns 1-5) is '" + order + "', not 5 digits");
        }
        if (line.charAt(5) != ' ' || line.charAt(13) != ' ' || line.charAt(15) != ' ' || line.charAt(76) != ' ') {
            throw new CodeFileException(file, number, "columns 6, 14, 16 and 77 must be blank; is this an order"
                    + " file?");
        }
        String code = line.substring(6, 13).strip();
        if (code.length() < 3 || !code.chars().allMatch(c -> Character.isDigit(c) || (c >= 'A' && c <= 'Z'))) {
            throw new CodeFileException(file, number, "code (columns 7-13) is '" + code + "'");
        }
        char flag = line.charAt(14);
        if (flag != '0' && flag != '1') {
            throw new CodeFileException(file, number, "header/valid flag (column 15) of " + code + " is '" + flag
                    + "', not 0 or 1");
        }
        String shortDescription = line.substring(16, 76).strip();
        String description = line.substring(77).strip();
        if (description.isEmpty()) {
            throw new CodeFileException(file, number, "code " + code + " has no long description (column 78 on)");
        }
        return new CodeRow(code, flag == '1', shortDescription, description, number);
    }
}
