package org.claimbridge.intake;

import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * Whether messages are streaming in right now, for background work that should give way to them: senders wait for
 * each ACK, so every millisecond of CPU taken from intake during a burst is a millisecond on their queue.
 */
@Component
public class IntakeActivity {

    /** A burst is messages committed closer together than this. */
    static final long BURST_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private volatile long lastCommit = System.nanoTime() - 2 * BURST_GAP_NANOS;

    void committed() {
        lastCommit = System.nanoTime();
    }

    /** True while messages are being committed, and for a moment after the last one. */
    public boolean busy() {
        return System.nanoTime() - lastCommit < BURST_GAP_NANOS;
    }
}
