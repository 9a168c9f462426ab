package org.claimbridge.codes;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * @param shipped           load the curated subset under {@code claim-rules/codes/} into every set that has no load
 *                          yet
 * @param shippedLocation   where that subset is read from
 * @param shippedEffective  the first date of service the shipped subset counts as valid for
 * @param importFiles       full CMS files to load at start-up as a new version ({@code claimbridge.codes.import.*})
 */
@ConfigurationProperties("claimbridge.codes")
record CodesProperties(@DefaultValue("true") boolean shipped,
                       @DefaultValue("classpath:claim-rules/codes/") String shippedLocation,
                       @DefaultValue("2015-10-01") LocalDate shippedEffective,
                       @DefaultValue @Name("import") Import importFiles) {

    /**
     * @param effective first date of service the imported files are valid for, e.g. 2025-10-01 for FY2026 ICD-10
     * @param version   a label kept with the load; defaults to the file name
     */
    record Import(Path icd10cm, Path icd10pcs, Path hcpcs, Path pos, Path modifiers, Path carc, Path rarc,
                  LocalDate effective, String version) {
    }
}
