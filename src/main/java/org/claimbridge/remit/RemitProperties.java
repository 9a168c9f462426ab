package org.claimbridge.remit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The X12 drop folder ({@code ${claimbridge.data-dir}/inbox/x12}) and how long answers to a claim may take.
 *
 * @param inboxEnabled  watch the folder
 * @param pollInterval  pause between two looks at it
 * @param settleTime    files modified more recently are taken as still being written
 * @param expect999     a claim written this long ago without a 999 is late
 * @param expect277ca   ... without a 277CA
 * @param expect835     ... without an 835
 */
@ConfigurationProperties("claimbridge.remit")
record RemitProperties(@DefaultValue("true") boolean inboxEnabled, @DefaultValue("5s") Duration pollInterval,
                       @DefaultValue("1s") Duration settleTime, @DefaultValue("24h") Duration expect999,
                       @DefaultValue("3d") Duration expect277ca, @DefaultValue("30d") Duration expect835) {
}
