package org.claimbridge.scrub;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of the last attempt to load the rules folder.
 *
 * @param version the content hash of the files tried, whether or not they became active
 * @param errors  empty when the files became the active rule set
 */
public record RuleLoad(String version, Instant at, List<RuleFileError> errors) {

    public boolean succeeded() {
        return errors.isEmpty();
    }
}
