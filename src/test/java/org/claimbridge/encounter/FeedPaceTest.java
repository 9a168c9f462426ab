package org.claimbridge.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class FeedPaceTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void whileIntakeIsQuietTheFeedNeverWaits() throws InterruptedException {
        FeedPace pace = new FeedPace(() -> false, 0.1);

        assertThat(pace.giveWay(500 * MS)).isZero();
    }

    @Test
    void duringABurstTheFeedWaitsLongEnoughToTakeOnlyItsShare() throws InterruptedException {
        FeedPace pace = new FeedPace(() -> true, 0.25);

        // a run of 30 ms at a quarter of the time: 90 ms of pause (sleep never ends early)
        long waited = pace.giveWay(30 * MS);

        assertThat(waited).isGreaterThanOrEqualTo(90 * MS);
    }

    @Test
    void aBurstThatDoesNotEndStillLetsARunThroughEverySecond() throws InterruptedException {
        FeedPace pace = new FeedPace(() -> true, 0.01);

        // 200 ms at one percent would be almost 20 s of pause: capped
        long waited = pace.giveWay(200 * MS);

        assertThat(waited).isGreaterThanOrEqualTo(FeedPace.MAX_PAUSE_NANOS)
                .isLessThan(FeedPace.MAX_PAUSE_NANOS + TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    void theFeedResumesAsSoonAsTheBurstEnds() throws InterruptedException {
        AtomicInteger looks = new AtomicInteger();
        // busy for the first three looks, then quiet: the pause it would have taken is the full second
        FeedPace pace = new FeedPace(() -> looks.incrementAndGet() <= 3, 0.01);

        long waited = pace.giveWay(TimeUnit.SECONDS.toNanos(10));

        assertThat(looks.get()).isEqualTo(4);
        assertThat(waited).isLessThan(FeedPace.MAX_PAUSE_NANOS);
    }

    @Test
    void aFullShareNeverWaits() throws InterruptedException {
        FeedPace pace = new FeedPace(() -> true, 1);

        assertThat(pace.giveWay(500 * MS)).isZero();
    }

    @Test
    void aStopWhileWaitingEndsTheWait() {
        FeedPace pace = new FeedPace(() -> true, 0.01);
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> pace.giveWay(TimeUnit.SECONDS.toNanos(1))).isInstanceOf(InterruptedException.class);
        assertThat(Thread.interrupted()).isFalse();
    }

    @Test
    void aShareOutsideZeroToOneIsRefusedWithItsValue() {
        assertThatThrownBy(() -> new FeedPace(() -> true, 0)).hasMessageContaining("not 0.0");
        assertThatThrownBy(() -> new FeedPace(() -> true, 1.5)).hasMessageContaining("not 1.5");
        assertThatThrownBy(() -> new FeedPace(() -> true, Double.NaN)).hasMessageContaining("not NaN");
    }
}
