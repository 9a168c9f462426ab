package org.claimbridge.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RecentExtractionsTest {

    private static Extraction reading() {
        return new Extraction(null, List.of());
    }

    @Test
    void aReadingIsTakenOnce() {
        RecentExtractions recent = new RecentExtractions(100);
        Extraction reading = reading();
        recent.keep("MSH|1", reading);

        assertThat(recent.take("MSH|1")).isSameAs(reading);
        assertThat(recent.take("MSH|1")).isNull();
        assertThat(recent.size()).isZero();
    }

    @Test
    void theOldestReadingsMakeRoomWhenTheTextHeldWouldPassTheBound() {
        RecentExtractions recent = new RecentExtractions(10);
        recent.keep("AAAA", reading());
        recent.keep("BBBB", reading());
        recent.keep("CCCC", reading());

        assertThat(recent.take("AAAA")).isNull();
        assertThat(recent.take("BBBB")).isNotNull();
        assertThat(recent.take("CCCC")).isNotNull();
    }

    @Test
    void aMessageLargerThanTheBoundIsNotKeptAndPushesNothingOut() {
        RecentExtractions recent = new RecentExtractions(10);
        recent.keep("AAAA", reading());
        recent.keep("X".repeat(11), reading());

        assertThat(recent.take("X".repeat(11))).isNull();
        assertThat(recent.take("AAAA")).isNotNull();
    }

    @Test
    void theSameTextKeptTwiceIsCountedOnce() {
        RecentExtractions recent = new RecentExtractions(8);
        recent.keep("AAAA", reading());
        recent.keep("AAAA", reading());
        recent.keep("BBBB", reading());

        assertThat(recent.take("AAAA")).isNotNull();
        assertThat(recent.take("BBBB")).isNotNull();
    }
}
