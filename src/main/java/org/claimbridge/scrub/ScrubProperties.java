package org.claimbridge.scrub;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param cron              when the scheduled scrub runs (Spring cron, {@code -} for never); it picks up whatever
 *                          the runs after intake bursts missed
 * @param afterChanges      how long after an encounter changes the scrub runs, so a burst of messages is scrubbed
 *                          in one run rather than one run per message; zero or negative: only on schedule/demand
 * @param chunkSize         encounters per transaction
 * @param threads           partitions of a run, each scrubbing its share of the encounters on its own thread
 */
@ConfigurationProperties("claimbridge.scrub")
public record ScrubProperties(@DefaultValue("0 */5 * * * *") String cron,
                              @DefaultValue("3s") Duration afterChanges,
                              @DefaultValue("500") int chunkSize,
                              @DefaultValue("2") int threads) {

    public ScrubProperties {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("claimbridge.scrub.chunk-size must be at least 1, was " + chunkSize);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("claimbridge.scrub.threads must be at least 1, was " + threads);
        }
    }
}
