package org.claimbridge.claim;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the {@code claims} job runs and how much it takes at a time.
 *
 * @param cron       when it runs on its own ("-" for never)
 * @param afterScrub also run after every completed scrub run, so ready encounters become claims at once
 * @param chunkSize  encounters assembled and stored per transaction
 * @param renderThreads threads that render and validate claims side by side while a file is written (0: one per
 *                   processor): validation against the guide's schema is most of a file's cost
 */
@ConfigurationProperties("claimbridge.claims.job")
record ClaimProperties(@DefaultValue("0 */5 * * * *") String cron, @DefaultValue("true") boolean afterScrub,
                       @DefaultValue("500") int chunkSize, @DefaultValue("0") int renderThreads) {

    ClaimProperties {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("claimbridge.claims.job.chunk-size must be at least 1");
        }
        if (renderThreads < 0) {
            throw new IllegalArgumentException("claimbridge.claims.job.render-threads must be 0 or more");
        }
    }

    int renderThreadCount() {
        return renderThreads == 0 ? Runtime.getRuntime().availableProcessors() : renderThreads;
    }
}
