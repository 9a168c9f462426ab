package org.claimbridge.codes;

import java.util.ArrayList;
import java.util.List;

/**
 * Our own two-column lists (place of service, modifiers): a header line {@code code,description}, then one code a
 * line, split at the first comma only so a description may contain commas. No quoting; {@code #} starts a comment
 * line; blank lines are skipped. Simple enough that a CSV library would add nothing.
 */
final class SimpleCodeCsv {

    private SimpleCodeCsv() {
    }

    static List<CodeRow> read(CodeSource source) {
        List<String> lines = source.lines();
        List<CodeRow> rows = new ArrayList<>();
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                if (!line.replace(" ", "").equalsIgnoreCase("code,description")) {
                    throw new CodeFileException(source.name(), number, "the first line must be 'code,description'");
                }
                header = false;
                continue;
            }
            int comma = line.indexOf(',');
            String code = (comma < 0 ? line : line.substring(0, comma)).strip();
            String description = comma < 0 ? "" : line.substring(comma + 1).strip();
            if (code.isEmpty() || code.length() > 10) {
                throw new CodeFileException(source.name(), number, "code is '" + code + "'");
            }
            if (description.isEmpty()) {
                throw new CodeFileException(source.name(), number, "code " + code + " has no description");
            }
            rows.add(new CodeRow(code, true, null, description, number));
        }
        return rows;
    }
}
