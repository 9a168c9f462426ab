package org.claimbridge.claim;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the {@code claims} job runs and how much it takes at a time.
 *
 * @param cron       when it runs on its own ("-" for never)
 * @param afterScrub also run after every completed scrub run, so ready encounters become claims at once
 * @param chunkSize  encounters assembled and stored per transaction
 */
@ConfigurationProperties("claimbridge.claims.job")
record ClaimProperties(@DefaultValue("0 */5 * * * *") String cron, @DefaultValue("true") boolean afterScrub,
                       @DefaultValue("500") int chunkSize) {

    ClaimProperties {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("claimbridge.claims.job.chunk-size must be at least 1");
        }
    }
}
