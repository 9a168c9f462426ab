package org.claimbridge.claim;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.claimbridge.scrub.ScrubRunFinished;
import org.claimbridge.system.JobRunner;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Runs the {@code claims} job: on its schedule, on demand, and after each completed scrub run. Runs take turns on
 * one thread; a run cut short by a crash is marked failed and restarted when the application is ready again.
 */
@Service
public class ClaimJobs implements DisposableBean {

    private final JobRunner runner;
    private final ClaimProperties properties;

    ClaimJobs(JobOperator jobOperator, JobRepository jobRepository, Job claimsJob, ClaimProperties properties) {
        this.runner = new JobRunner(claimsJob, jobOperator, jobRepository, execution -> { });
        this.properties = properties;
    }

    /** A run that could not be started or waited for (a run that starts and fails is a status, not this). */
    public static class ClaimRunFailed extends RuntimeException {
        ClaimRunFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A claims run as the job repository records it.
     *
     * @param restartable a failed run's latest attempt, which {@link #restart} takes up
     */
    public record ClaimRunStatus(long executionId, String status, String exitDescription, Instant startedAt,
                                 Instant endedAt, long encounters, long claimsWritten, String trigger,
                                 boolean restartable) {
    }

    /** Restarts a failed run (its failed step again: the claims it built are kept); returns at once. */
    public void restart(long executionId) {
        try {
            runner.restart(executionId);
        } catch (IllegalStateException e) {
            throw new ClaimRunFailed(e.getMessage(), e);
        }
    }

    /** Asks for a run; returns at once. False when one is already waiting to start (it will cover this request). */
    public boolean request(String trigger) {
        return runner.request(trigger);
    }

    /** Runs the job now (after any run in progress) and waits for it. */
    public ClaimRunStatus runAndWait(String trigger) {
        try {
            return status(runner.runAndWait(trigger), runner);
        } catch (JobRunner.RunFailed e) {
            throw new ClaimRunFailed(e.getMessage(), e.getCause());
        }
    }

    @Scheduled(cron = "${claimbridge.claims.job.cron:0 */5 * * * *}")
    void onSchedule() {
        request("schedule");
    }

    @EventListener
    void onScrubRunFinished(ScrubRunFinished finished) {
        if (properties.afterScrub()) {
            request("after scrub run " + finished.jobExecutionId());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void restartInterrupted() {
        runner.restartInterrupted();
    }

    /** The latest runs, newest first. */
    public List<ClaimRunStatus> recent(int count) {
        return runner.recent(count).stream().map(e -> status(e, runner)).toList();
    }

    public Optional<ClaimRunStatus> find(long executionId) {
        return runner.find(executionId).map(e -> status(e, runner));
    }

    private static ClaimRunStatus status(JobExecution execution, JobRunner runner) {
        long encounters = 0;
        long written = 0;
        for (StepExecution step : execution.getStepExecutions()) {
            if (ClaimJobConfiguration.ASSEMBLE.equals(step.getStepName())) {
                encounters += step.getReadCount();
            } else if (ClaimJobConfiguration.WRITE.equals(step.getStepName())) {
                written += step.getWriteCount();
            }
        }
        return new ClaimRunStatus(execution.getId(), execution.getStatus().name(),
                execution.getExitStatus().getExitDescription(), JobRunner.instant(execution.getStartTime()),
                JobRunner.instant(execution.getEndTime()), encounters, written,
                execution.getJobParameters().getString("trigger"), runner.restartable(execution));
    }

    @Override
    public void destroy() {
        runner.close();
    }
}
