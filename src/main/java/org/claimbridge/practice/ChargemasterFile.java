package org.claimbridge.practice;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.claimbridge.codes.CodeFormats;

/**
 * Reads a chargemaster CSV: the header {@code transaction_code,procedure_code,revenue_code,price,description}, then
 * one item a line; {@code #} starts a comment line, blank lines are skipped, values may be quoted (a description
 * with a comma). Every bad row is reported, not just the first, and nothing is returned if there is one: a billing
 * company must not bill from a half-read chargemaster, and one pass should show everything to fix.
 */
final class ChargemasterFile {

    static final List<String> COLUMNS = List.of("transaction_code", "procedure_code", "revenue_code", "price",
            "description");

    /** More problems than this are counted, not listed: a wrong file would otherwise fill the log. */
    static final int MAX_LISTED = 50;

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setCommentMarker('#')
            .setIgnoreEmptyLines(true).setTrim(true).get();
    private static final Pattern REVENUE_CODE = Pattern.compile("[0-9]{4}");
    // DECIMAL(12,2): anything longer would be rounded or refused by the database instead of reported here
    private static final Pattern PRICE = Pattern.compile("[0-9]{1,10}(\\.[0-9]{1,2})?");
    private static final int MAX_TRANSACTION_CODE = 64;
    private static final int MAX_DESCRIPTION = 255;

    /** An item and the file line it is on, kept with the stored row for lineage. */
    record Entry(ChargemasterItem item, int line) {
    }

    private ChargemasterFile() {
    }

    /** The items of {@code path}, named in messages as {@code file} (the path as configured). */
    static List<Entry> read(Path path, String file, PracticeKind kind) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new ChargemasterFileException(file, List.of(file + ": no such file (looked for "
                    + path.toAbsolutePath() + ")"));
        } catch (IOException e) {
            throw new ChargemasterFileException(file, List.of(file + ": cannot be read: " + e.getMessage()));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ChargemasterFileException(file, List.of(file + ": is not UTF-8 text (save it as CSV UTF-8)"));
        }
        return parse(file, text, kind);
    }

    static List<Entry> parse(String file, String text, PracticeKind kind) {
        // a spreadsheet's "CSV UTF-8" starts with a byte order mark, which would otherwise spoil the header
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> problems = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        boolean header = true;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(csv)).setFormat(FORMAT).get()) {
            for (CSVRecord record : parser) {
                int line = (int) parser.getCurrentLineNumber();
                List<String> values = record.toList();
                if (header) {
                    List<String> names = values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
                    if (!names.equals(COLUMNS)) {
                        throw new ChargemasterFileException(file, List.of(file + " line " + line + ": header is "
                                + String.join(",", values) + ", expected " + String.join(",", COLUMNS)));
                    }
                    header = false;
                    continue;
                }
                Entry entry = row(file, line, values, kind, problems);
                if (entry == null) {
                    continue;
                }
                Integer first = firstLine.putIfAbsent(entry.item().transactionCode(), line);
                if (first != null) {
                    problems.add(where(file, line, "transaction_code") + "'" + entry.item().transactionCode()
                            + "' is listed again (first on line " + first + ")");
                    continue;
                }
                entries.add(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException | IllegalStateException e) {
            // commons-csv reports a broken quote this way; its message carries the position
            throw new ChargemasterFileException(file, List.of(file + ": is not valid CSV: " + e.getMessage()));
        }
        if (header) {
            throw new ChargemasterFileException(file, List.of(file + ": is empty; expected the header "
                    + String.join(",", COLUMNS)));
        }
        if (!problems.isEmpty()) {
            throw new ChargemasterFileException(file, problems);
        }
        return entries;
    }

    /** The row's item, or null with its problems added. */
    private static Entry row(String file, int line, List<String> values, PracticeKind kind, List<String> problems) {
        if (values.size() != COLUMNS.size()) {
            problems.add(file + " line " + line + ": has " + values.size() + " values, expected " + COLUMNS.size()
                    + " (" + String.join(",", COLUMNS) + ")");
            return null;
        }
        int before = problems.size();
        String transactionCode = values.get(0);
        if (transactionCode.isEmpty()) {
            problems.add(where(file, line, "transaction_code") + "is empty");
        } else if (transactionCode.length() > MAX_TRANSACTION_CODE) {
            problems.add(where(file, line, "transaction_code") + "is longer than " + MAX_TRANSACTION_CODE
                    + " characters");
        }
        // as strict as the scrub: a claim line carries the code as written here
        String procedureCode = values.get(1);
        if (!procedureCode.isEmpty() && !CodeFormats.isProcedure(procedureCode)) {
            problems.add(where(file, line, "procedure_code") + "'" + procedureCode + "' is not a CPT or HCPCS code"
                    + " in upper case (leave it empty for an item billed by revenue code alone)");
        }
        String revenueCode = values.get(2);
        if (revenueCode.isEmpty()) {
            if (kind == PracticeKind.INSTITUTIONAL) {
                problems.add(where(file, line, "revenue_code") + "is empty; every line of an institutional"
                        + " claim needs one");
            }
        } else if (!REVENUE_CODE.matcher(revenueCode).matches()) {
            problems.add(where(file, line, "revenue_code") + "'" + revenueCode + "' is not 4 digits"
                    + (revenueCode.matches("[0-9]{3}") ? " (a spreadsheet may have dropped the leading zero: 0"
                            + revenueCode + ")" : ""));
        }
        String price = values.get(3);
        if (!PRICE.matcher(price).matches()) {
            problems.add(where(file, line, "price") + "'" + price + "' is not an amount of 0 or more with at most"
                    + " 2 decimals, e.g. 125.00");
        }
        String description = values.get(4);
        if (description.length() > MAX_DESCRIPTION) {
            problems.add(where(file, line, "description") + "is longer than " + MAX_DESCRIPTION + " characters");
        }
        if (problems.size() > before) {
            return null;
        }
        return new Entry(new ChargemasterItem(transactionCode, procedureCode.isEmpty() ? null : procedureCode,
                revenueCode.isEmpty() ? null : revenueCode, new BigDecimal(price),
                description.isEmpty() ? null : description), line);
    }

    private static String where(String file, int line, String field) {
        return file + " line " + line + ", " + field + ": ";
    }
}
