package org.claimbridge.scrub;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * @param dir            the rules folder, read from disk so rules change without a rebuild
 * @param reloadInterval how often the folder's files are hashed to notice a change
 * @param importFiles    CMS NCCI files to convert into the folder's tables at start-up
 *                       ({@code claimbridge.rules.import.*})
 */
@ConfigurationProperties("claimbridge.rules")
record RuleProperties(@DefaultValue("./claim-rules") Path dir, @DefaultValue("10s") Duration reloadInterval,
                      @DefaultValue @Name("import") Import importFiles) {

    /** A folder without imports (a second constructor would confuse configuration binding). */
    static RuleProperties of(Path dir, Duration reloadInterval) {
        return new RuleProperties(dir, reloadInterval, new Import(null, null));
    }

    /**
     * @param ncciPtp the CMS practitioner PTP file (tab-delimited text), written to {@code ncci/ptp.csv}
     * @param mue     the CMS practitioner MUE file (CSV), written to {@code ncci/mue.csv}
     */
    record Import(Path ncciPtp, Path mue) {
    }
}
