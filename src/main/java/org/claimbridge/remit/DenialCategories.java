package org.claimbridge.remit;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What each adjustment reason code (CARC) means to the billing company, from {@code denials/carc-categories.csv} in
 * the rules folder: a category (contractual and patient-responsibility adjustments are not denials) and the billed
 * values to look at. Read again when the file changes; a code not listed is a denial of category "other".
 */
@Component
class DenialCategories {

    private static final Logger log = LoggerFactory.getLogger(DenialCategories.class);
    static final String FILE = "denials/carc-categories.csv";
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader()
            .setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();

    /** @param elements lineage element names to look at ("line ..." ones on the denied line) */
    record Category(String name, List<String> elements) {
        boolean denial() {
            return !name.equals("contractual") && !name.equals("patient-responsibility");
        }
    }

    private final Path file;
    private FileTime readAt;
    private Map<String, Category> categories = Map.of();

    DenialCategories(@Value("${claimbridge.rules.dir:./claim-rules}") Path rulesDir) {
        this.file = rulesDir.resolve(FILE);
    }

    synchronized Category of(String group, String carc) {
        refresh();
        if ("PR".equals(group)) {
            // the patient's share (deductible, coinsurance, or a service the patient agreed to pay) is billed to
            // the patient, not fought with the payer
            Category listed = categories.get(carc);
            return new Category("patient-responsibility", listed == null ? List.of() : listed.elements());
        }
        return categories.getOrDefault(carc, new Category("other", List.of()));
    }

    private void refresh() {
        try {
            FileTime modified = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
            if (modified == null || modified.equals(readAt)) {
                return;
            }
            Map<String, Category> read = new HashMap<>();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (CSVRecord row : FORMAT.parse(in)) {
                    String elements = row.isMapped("elements") ? row.get("elements") : "";
                    read.put(row.get("carc"), new Category(row.get("category"), elements.isEmpty() ? List.of()
                            : Arrays.stream(elements.split("\\|")).map(String::trim).toList()));
                }
            }
            categories = Map.copyOf(read);
            readAt = modified;
        } catch (IOException | RuntimeException e) {
            // the last good map stays: a bad edit must not turn every adjustment into a denial
            log.error("{} could not be read; keeping the categories read before: {}", file, e.getMessage());
        }
    }
}
