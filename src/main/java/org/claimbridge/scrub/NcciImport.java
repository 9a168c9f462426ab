package org.claimbridge.scrub;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.claimbridge.codes.CodeFormats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Converts the CMS quarterly NCCI files into the rules folder's table format at start-up, when
 * {@code claimbridge.rules.import.ncci-ptp} / {@code claimbridge.rules.import.mue} name them: the PTP file to
 * {@code ncci/ptp.csv}, the MUE file to {@code ncci/mue.csv}. The rule set reloads once they are written; a rule
 * reads them when its {@code table:} names them. A file that does not read stops with an error naming file and
 * line, and nothing is written. Converting the same file again writes the same table, so the property may stay.
 */
@Component
class NcciImport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(NcciImport.class);
    private static final DateTimeFormatter CMS_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final RuleProperties properties;
    private final RuleSets ruleSets;

    NcciImport(RuleProperties properties, RuleSets ruleSets) {
        this.properties = properties;
        this.ruleSets = ruleSets;
    }

    @Override
    public void run(ApplicationArguments args) {
        RuleProperties.Import files = properties.importFiles();
        if (files.ncciPtp() == null && files.mue() == null) {
            return;
        }
        if (files.ncciPtp() != null) {
            int rows = write(ptp(files.ncciPtp()), ProcedurePairs.COLUMNS, files.ncciPtp(),
                    properties.dir().resolve("ncci/ptp.csv"));
            log.info("NCCI PTP {}: {} edits written to ncci/ptp.csv", files.ncciPtp(), rows);
        }
        if (files.mue() != null) {
            int rows = write(mue(files.mue()), UnitLimits.COLUMNS, files.mue(), properties.dir().resolve("ncci/mue.csv"));
            log.info("NCCI MUE {}: {} limits written to ncci/mue.csv", files.mue(), rows);
        }
        ruleSets.reloadIfChanged();
    }

    /**
     * The CMS practitioner (or hospital) PTP file as tab-delimited text: a few title and header lines, then
     * column 1, column 2, "*" when in existence before 1996, effective date (yyyymmdd), deletion date (yyyymmdd, or
     * "*" for none), modifier indicator (0, 1, 9), PTP edit rationale. Lines before the first row whose first two
     * values are procedure codes are the headers; after it every line must be a row.
     */
    static List<List<String>> ptp(Path file) {
        List<List<String>> rows = new ArrayList<>();
        List<String> lines = lines(file);
        boolean data = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] v = line.split("\t", -1);
            boolean looksLikeRow = v.length >= 6 && CodeFormats.isProcedure(v[0].strip())
                    && CodeFormats.isProcedure(v[1].strip());
            if (!data && !looksLikeRow) {
                continue;
            }
            data = true;
            if (!looksLikeRow) {
                throw new IllegalStateException(file + " line " + (i + 1) + ": not a PTP row (column 1, column 2,"
                        + " prior-1996 flag, effective date, deletion date, modifier indicator, rationale,"
                        + " tab-separated): " + line);
            }
            String indicator = v[5].strip();
            if (!indicator.equals("0") && !indicator.equals("1") && !indicator.equals("9")) {
                throw new IllegalStateException(file + " line " + (i + 1) + ": modifier indicator '" + indicator
                        + "' is not 0, 1 or 9");
            }
            String deletion = v[4].strip();
            rows.add(List.of(v[0].strip(), v[1].strip(), date(file, i + 1, v[3].strip()),
                    deletion.isEmpty() || deletion.equals("*") ? "" : date(file, i + 1, deletion), indicator,
                    v.length > 6 ? v[6].strip() : ""));
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException(file + ": no PTP rows found; is it the tab-delimited text file?");
        }
        return rows;
    }

    /**
     * The CMS practitioner (or outpatient hospital) MUE file as CSV: title lines, then the header row starting
     * "HCPCS/CPT Code", then code, MUE value, adjudication indicator ("2 Date of Service Edit: Policy"), rationale.
     */
    static List<List<String>> mue(Path file) {
        List<List<String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(CSVFormat.DEFAULT.builder()
                     .setTrim(true).setIgnoreEmptyLines(true).get()).get()) {
            boolean data = false;
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                String first = record.get(0);
                if (!data) {
                    data = first.toUpperCase(java.util.Locale.ROOT).startsWith("HCPCS");
                    continue;
                }
                if (record.size() < 3 || !CodeFormats.isProcedure(first)) {
                    throw new IllegalStateException(file + " line " + line + ": not an MUE row (code, MUE value,"
                            + " adjudication indicator, rationale): " + record.toList());
                }
                String max = record.get(1);
                String mai = record.get(2).isEmpty() ? "" : record.get(2).substring(0, 1);
                if (!max.matches("[0-9]+") || !mai.matches("[123]")) {
                    throw new IllegalStateException(file + " line " + line + ": MUE value '" + max
                            + "' or adjudication indicator '" + record.get(2) + "' does not read");
                }
                rows.add(List.of(first, max, mai, record.size() > 3 ? record.get(3) : ""));
            }
            if (!data) {
                throw new IllegalStateException(file + ": no header row starting 'HCPCS/CPT Code'");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return rows;
    }

    /** Writes a table next to its final place and moves it in, so the folder's poll never reads half a file. */
    static int write(List<List<String>> rows, List<String> columns, Path source, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".import-", ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                 CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setCommentMarker('#')
                         .setRecordSeparator('\n').get())) {
                printer.printComment("Converted from the CMS file " + source.getFileName()
                        + " by claimbridge.rules.import; see claim-rules/README.md");
                printer.printRecord(columns);
                for (List<String> row : rows) {
                    printer.printRecord(row);
                }
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return rows.size();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static String date(Path file, int line, String cms) {
        try {
            return LocalDate.parse(cms, CMS_DATE).toString();
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(file + " line " + line + ": date '" + cms + "' is not yyyymmdd");
        }
    }
}
