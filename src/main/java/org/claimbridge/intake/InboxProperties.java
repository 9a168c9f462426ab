package org.claimbridge.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HL7 drop folder, {@code ${claimbridge.data-dir}/inbox/hl7}.
 *
 * @param enabled      whether the folder is watched at all
 * @param pollInterval pause between two looks at the folder
 * @param settleTime   a file modified more recently than this is taken to be still being written, and left for
 *                     the next look
 */
@ConfigurationProperties("claimbridge.inbox")
public record InboxProperties(@DefaultValue("true") boolean enabled,
                              @DefaultValue("5s") Duration pollInterval,
                              @DefaultValue("1s") Duration settleTime) {
}
