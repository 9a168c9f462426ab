package org.claimbridge.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every feature.
 *
 * @param dataDir where claimbridge keeps its files: the embedded database, the inboxes and outboxes
 */
@ConfigurationProperties("claimbridge")
public record ClaimbridgeProperties(@DefaultValue("./data") Path dataDir) {

    public Path inbox(String kind) {
        return dataDir.resolve("inbox").resolve(kind);
    }

    public Path outbox(String kind) {
        return dataDir.resolve("outbox").resolve(kind);
    }
}
