package org.claimbridge.scrub;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dir            the rules folder, read from disk so rules change without a rebuild
 * @param reloadInterval how often the folder's files are hashed to notice a change
 */
@ConfigurationProperties("claimbridge.rules")
record RuleProperties(@DefaultValue("./claim-rules") Path dir, @DefaultValue("10s") Duration reloadInterval) {
}
