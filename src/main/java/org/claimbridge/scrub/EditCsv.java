package org.claimbridge.scrub;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.claimbridge.codes.CodeFormats;

/**
 * Reads an edit table ({@code claim-rules/**}{@code /*.csv}): a header line with exactly the expected column
 * names, then one row a line; {@code #} starts a comment line, blank lines are skipped, values may be quoted. A row
 * that does not fit is an error naming the file and its line; the caller refuses the whole rule set then.
 */
final class EditCsv {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setCommentMarker('#')
            .setIgnoreEmptyLines(true).setTrim(true).get();

    /** One data row and the file line it is on. */
    record Row(int line, List<String> values) {

        String get(int column) {
            return column < values.size() ? values.get(column) : "";
        }
    }

    /** A value that does not parse; thrown by the table readers and turned into an error with file and line. */
    static final class BadValue extends RuntimeException {
        BadValue(String message) {
            super(message);
        }
    }

    private EditCsv() {
    }

    /**
     * The rows of {@code text}, or errors (added to {@code errors}) when the header is not {@code columns}, a row has
     * another number of values, or the file is not CSV.
     */
    static List<Row> rows(String file, String text, List<String> columns, String ruleId, List<RuleFileError> errors) {
        List<Row> rows = new ArrayList<>();
        boolean header = true;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            for (CSVRecord record : parser) {
                int line = (int) parser.getCurrentLineNumber();
                List<String> values = record.toList();
                if (header) {
                    List<String> names = values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
                    if (!names.equals(columns)) {
                        errors.add(new RuleFileError(file, line, ruleId, "header is " + values + ", expected "
                                + String.join(",", columns)));
                        return List.of();
                    }
                    header = false;
                    continue;
                }
                if (values.size() != columns.size()) {
                    errors.add(new RuleFileError(file, line, ruleId, "has " + values.size() + " values, expected "
                            + columns.size() + " (" + String.join(",", columns) + ")"));
                    continue;
                }
                rows.add(new Row(line, values));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException | IllegalStateException e) {
            // commons-csv reports a broken quote this way; its message carries the position
            errors.add(new RuleFileError(file, 1, ruleId, "is not valid CSV: " + e.getMessage()));
            return List.of();
        }
        if (header) {
            errors.add(new RuleFileError(file, 1, ruleId, "is empty; expected the header "
                    + String.join(",", columns)));
        }
        return rows;
    }

    static LocalDate date(String value, String column) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadValue(column + " '" + value + "' is not a date (yyyy-mm-dd)");
        }
    }

    static LocalDate optionalDate(String value, String column) {
        return value.isEmpty() ? null : date(value, column);
    }

    static int integer(String value, String column, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadValue(column + " '" + value + "' is not a whole number from " + min + " to " + max);
    }

    static String procedure(String value, String column) {
        if (!CodeFormats.isProcedure(value)) {
            throw new BadValue(column + " '" + value + "' is not a CPT or HCPCS code");
        }
        return value;
    }
}
