package org.claimbridge.encounter;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sweepInterval how often stored messages that no event handed over (e.g. after a crash) are looked for
 * @param batchSize     pending messages read per query while applying
 * @param unzonedTimes  the zone of HL7 date/times sent without an offset (admit, discharge, procedure times)
 * @param chunkSize     messages applied in one transaction when all of them apply cleanly
 * @param busyShare     the part of the time the feed spends applying while intake is committing a burst of messages
 *                      (1: it never gives way)
 */
@ConfigurationProperties("claimbridge.encounter")
record EncounterProperties(@DefaultValue("30s") Duration sweepInterval, @DefaultValue("200") int batchSize,
                           @DefaultValue("UTC") ZoneId unzonedTimes, @DefaultValue("20") int chunkSize,
                           @DefaultValue("0.1") double busyShare) {
}
