package org.claimbridge.scrub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.claimbridge.codes.CodeSet;

/**
 * The shipped code-set subset (claim-rules/codes/) in memory, valid from 2015-10-01 as the application loads it by
 * default, so the code-set rules can be tested without a database. Reads only what the look-ups need.
 */
final class ShippedCodes implements CodeLookup {

    static final LocalDate EFFECTIVE = LocalDate.of(2015, 10, 1);
    static final ShippedCodes INSTANCE = new ShippedCodes(Path.of("claim-rules", "codes"));

    /** ICD-10-CM code without dot -> billable */
    private final Map<String, Boolean> icd10 = new HashMap<>();
    private final Set<String> hcpcs = new HashSet<>();
    private final Set<String> pos = new HashSet<>();
    private final Set<String> modifiers = new HashSet<>();

    private ShippedCodes(Path dir) {
        try {
            for (String line : Files.readAllLines(dir.resolve("icd10cm-order-subset.txt"))) {
                if (line.length() > 15) {
                    icd10.put(line.substring(6, 13).strip(), line.charAt(14) == '1');
                }
            }
            for (String line : Files.readAllLines(dir.resolve("hcpcs-subset.txt"))) {
                if (line.length() > 11 && line.charAt(10) == '3') {
                    hcpcs.add(line.substring(0, 5).strip());
                }
            }
            read(dir.resolve("pos.csv"), pos);
            read(dir.resolve("modifiers.csv"), modifiers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void read(Path file, Set<String> codes) throws IOException {
        Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("code,"))
                .forEach(l -> codes.add(l.substring(0, l.indexOf(',')).strip()));
    }

    private static String icd(String code) {
        return code.replace(".", "");
    }

    private static boolean valid(LocalDate date) {
        return date != null && !date.isBefore(EFFECTIVE);
    }

    @Override
    public boolean loaded(CodeSet set) {
        return set != CodeSet.ICD10PCS;
    }

    @Override
    public boolean icd10Exists(String code) {
        return code != null && icd10.containsKey(icd(code));
    }

    @Override
    public boolean icd10ValidOn(String code, LocalDate date) {
        return icd10Exists(code) && valid(date);
    }

    @Override
    public boolean icd10Billable(String code, LocalDate date) {
        return icd10ValidOn(code, date) && icd10.get(icd(code));
    }

    @Override
    public boolean hcpcsValidOn(String code, LocalDate date) {
        return hcpcs.contains(code) && valid(date);
    }

    @Override
    public boolean modifierValidOn(String code, LocalDate date) {
        return modifiers.contains(code) && valid(date);
    }

    @Override
    public boolean posValidOn(String code, LocalDate date) {
        return pos.contains(code) && valid(date);
    }
}
