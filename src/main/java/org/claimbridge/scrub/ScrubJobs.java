package org.claimbridge.scrub;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.claimbridge.encounter.EncounterChanged;
import org.claimbridge.encounter.EncountersChanged;
import org.claimbridge.system.JobRunner;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs the {@code scrub} job: on its schedule, on demand, and a moment after encounters change. Runs take turns on
 * one thread; asking while one waits to start adds nothing, since every run takes all encounters due at that time.
 * A run a crash cut short is marked failed and restarted when the application is ready again.
 */
@Service
public class ScrubJobs implements DisposableBean {

    private final JobRunner runner;
    private final ScrubProperties properties;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "scrub-after-changes"));
    private final AtomicBoolean afterChangesPending = new AtomicBoolean();

    ScrubJobs(JobOperator jobOperator, JobRepository jobRepository, Job scrubJob, ScrubProperties properties,
              ApplicationEventPublisher events) {
        // a completed run may have made encounters ready: whoever builds claims from them is told
        this.runner = new JobRunner(scrubJob, jobOperator, jobRepository,
                execution -> events.publishEvent(new ScrubRunFinished(execution.getId())));
        this.properties = properties;
    }

    /** A run that could not be started or waited for (a run that starts and fails is a status, not this). */
    public static class ScrubRunFailed extends RuntimeException {

        ScrubRunFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A scrub run as the job repository records it.
     *
     * @param read        encounters read so far (all of them once it ends)
     * @param total       encounters that were due when the run started, as its partitions counted them; null
     *                    until they have
     * @param restartable a failed run's latest attempt, which {@link #restart} takes up
     */
    public record ScrubRunStatus(long executionId, String status, String exitCode, String exitDescription,
                                 Instant startedAt, Instant endedAt, long read, long written, long commits,
                                 String trigger, Long total, boolean restartable) {
    }

    /** Restarts a failed run; returns at once. */
    public void restart(long executionId) {
        try {
            runner.restart(executionId);
        } catch (IllegalStateException e) {
            throw new ScrubRunFailed(e.getMessage(), e);
        }
    }

    /** Asks for a run; returns at once. False when one is already waiting to start (it will cover this request). */
    public boolean request(String trigger) {
        return runner.request(trigger);
    }

    /** Runs the job now (after any run in progress) and waits for it. */
    public ScrubRunStatus runAndWait(String trigger) {
        try {
            return status(runner.runAndWait(trigger), runner);
        } catch (JobRunner.RunFailed e) {
            throw new ScrubRunFailed(e.getMessage(), e.getCause());
        }
    }

    @Scheduled(cron = "${claimbridge.scrub.cron:0 */5 * * * *}")
    void onSchedule() {
        request("schedule");
    }

    /** A burst of messages is scrubbed once, {@code claimbridge.scrub.after-changes} after its first change. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onEncounterChanged(EncounterChanged changed) {
        scrubSoon();
    }

    /** The same for a run of messages applied together. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onEncountersChanged(EncountersChanged changed) {
        scrubSoon();
    }

    private void scrubSoon() {
        if (properties.afterChanges().isNegative() || properties.afterChanges().isZero()) {
            return;
        }
        if (afterChangesPending.compareAndSet(false, true)) {
            timer.schedule(() -> {
                afterChangesPending.set(false);
                request("after changes");
            }, properties.afterChanges().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A run still marked as running at startup was cut short by a crash: mark it failed and finish it. */
    @EventListener(ApplicationReadyEvent.class)
    void restartInterrupted() {
        runner.restartInterrupted();
    }

    /** The latest runs, newest first (each run is its own job instance, a restart adds an execution to it). */
    public List<ScrubRunStatus> recent(int count) {
        return runner.recent(count).stream().map(e -> status(e, runner)).toList();
    }

    public Optional<ScrubRunStatus> find(long executionId) {
        return runner.find(executionId).map(e -> status(e, runner));
    }

    private static ScrubRunStatus status(JobExecution execution, JobRunner runner) {
        long read = 0;
        long written = 0;
        long commits = 0;
        Long total = null;
        // the partitions' own executions, which are updated chunk by chunk while the run goes on (the partitioned
        // step's execution only carries their sums once they have all ended)
        for (StepExecution step : execution.getStepExecutions()) {
            if (ScrubJobConfiguration.STEP.equals(step.getStepName())) {
                continue;
            }
            read += step.getReadCount();
            written += step.getWriteCount();
            commits += step.getCommitCount();
            if (step.getExecutionContext().containsKey(ScrubReader.DUE)) {
                total = (total == null ? 0 : total) + step.getExecutionContext().getLong(ScrubReader.DUE);
            }
        }
        return new ScrubRunStatus(execution.getId(), execution.getStatus().name(),
                execution.getExitStatus().getExitCode(), execution.getExitStatus().getExitDescription(),
                JobRunner.instant(execution.getStartTime()), JobRunner.instant(execution.getEndTime()), read,
                written, commits, execution.getJobParameters().getString("trigger"), total,
                runner.restartable(execution));
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        runner.close();
    }
}
