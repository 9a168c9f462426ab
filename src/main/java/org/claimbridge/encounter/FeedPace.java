package org.claimbridge.encounter;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * How the billing-view feed gives way to intake during a burst. Senders wait for each ACK, and the billing view is
 * read by jobs that run minutes apart, so while messages stream in the feed pauses after each run long enough to take
 * about its share of the time, and picks up its full pace as soon as the burst ends. It never stops: under a burst
 * that does not end it still applies a run at least every {@link #MAX_PAUSE_NANOS}.
 */
final class FeedPace {

    static final long MAX_PAUSE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final BooleanSupplier intakeBusy;
    private final double share;

    /**
     * @param share the part of the time the feed applies while intake is busy, above 0 and at most 1 (1: never
     *              pauses)
     */
    FeedPace(BooleanSupplier intakeBusy, double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("the feed's share while intake is busy must be above 0 and at most 1, "
                    + "not " + share);
        }
        this.intakeBusy = intakeBusy;
        this.share = share;
    }

    /**
     * After a run that took {@code runNanos}: waits while intake is busy, up to the pause that leaves the feed its
     * share, and returns as soon as intake goes quiet.
     *
     * @return how long it waited, in nanoseconds
     */
    long giveWay(long runNanos) throws InterruptedException {
        if (share >= 1 || !intakeBusy.getAsBoolean()) {
            return 0;
        }
        long start = System.nanoTime();
        long pause = Math.min(MAX_PAUSE_NANOS, (long) (Math.max(0, runNanos) * (1 - share) / share));
        while (intakeBusy.getAsBoolean()) {
            long left = start + pause - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(left, STEP_NANOS));
        }
        return System.nanoTime() - start;
    }
}
