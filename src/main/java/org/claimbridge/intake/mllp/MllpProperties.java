package org.claimbridge.intake.mllp;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The MLLP listener's settings.
 *
 * @param enabled         whether claimbridge listens for MLLP at all
 * @param port            TCP port; 0 takes any free port (tests)
 * @param maxMessageBytes a frame longer than this is read to its end, its first bytes kept and answered AR
 * @param maxConnections  connections served at once; one more is closed as soon as it is accepted
 * @param idleTimeout     a connection that starts no message for this long is closed
 * @param frameTimeout    a message whose start block arrived must end within this, or it is kept as incomplete and
 *                        the connection closed: stops senders that trickle bytes to hold a connection
 * @param commitTimeout   longest wait for a message to be committed; past it the connection is closed unanswered
 */
@ConfigurationProperties("claimbridge.mllp")
public record MllpProperties(@DefaultValue("true") boolean enabled,
                             @DefaultValue("2575") int port,
                             @DefaultValue("1MB") DataSize maxMessageBytes,
                             @DefaultValue("50") int maxConnections,
                             @DefaultValue("10m") Duration idleTimeout,
                             @DefaultValue("30s") Duration frameTimeout,
                             @DefaultValue("60s") Duration commitTimeout) {
}
