package org.claimbridge.remit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The X12 drop folder ({@code ${claimbridge.data-dir}/inbox/x12}).
 *
 * @param inboxEnabled  watch the folder
 * @param pollInterval  pause between two looks at it
 * @param settleTime    files modified more recently are taken as still being written
 */
@ConfigurationProperties("claimbridge.remit")
record RemitProperties(@DefaultValue("true") boolean inboxEnabled, @DefaultValue("5s") Duration pollInterval,
                       @DefaultValue("1s") Duration settleTime) {
}
