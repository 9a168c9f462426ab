package org.claimbridge.intake;

import java.nio.charset.Charset;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param processingIds     MSH-11 values accepted; others are answered AR 202
 * @param undeclaredCharset how to read bytes that are not UTF-8 when MSH-18 is empty
 * @param writers           journal writer threads; each commits the messages waiting for it in one transaction
 * @param maxBatch          most messages one journal commit takes
 */
@ConfigurationProperties("claimbridge.intake")
public record IntakeProperties(@DefaultValue("P") Set<String> processingIds,
                               @DefaultValue("ISO-8859-1") Charset undeclaredCharset,
                               @DefaultValue("1") int writers,
                               @DefaultValue("64") int maxBatch) {
}
