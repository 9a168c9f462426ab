package org.claimbridge.scrub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.claimbridge.IntegrationTest;
import org.claimbridge.intake.BatchIntake;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** With the automatic trigger on, an encounter that changes is scrubbed shortly after, with no one asking. */
@IntegrationTest
@TestPropertySource(properties = {"claimbridge.rules.dir=src/test/resources/scrub-job-rules",
        "claimbridge.scrub.after-changes=300ms"})
class ScrubTriggerIT {

    @Autowired
    BatchIntake intake;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScrubResults results;

    @Autowired
    ScrubJobs jobs;

    @Test
    void aBurstOfMessagesIsScrubbedSoonAfterAndALaterChangeAgain() {
        ScrubFeed feed = new ScrubFeed(intake, jdbc);
        feed.apply(feed.registration("Q1", "VQ1", "", "1987654321"), feed.charges("Q1", "VQ1", "11", "11"));
        long id = feed.encounterId("VQ1");
        await().atMost(Duration.ofSeconds(20)).until(() -> results.state(id)
                .filter(s -> s.state() == ScrubState.FLAGGED).isPresent());
        assertThat(jobs.recent(5)).extracting(ScrubJobs.ScrubRunStatus::trigger).contains("after changes");

        feed.apply(feed.update("Q1", "VQ1", "W77", "1987654321"));
        await().atMost(Duration.ofSeconds(20)).until(() -> results.state(id)
                .filter(s -> s.state() == ScrubState.READY).isPresent());
    }
}
