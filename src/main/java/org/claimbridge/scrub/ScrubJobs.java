package org.claimbridge.scrub;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.claimbridge.encounter.EncounterChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.context.event.ApplicationReadyEvent;
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

    private static final Logger log = LoggerFactory.getLogger(ScrubJobs.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job scrubJob;
    private final ScrubProperties properties;
    private final ApplicationEventPublisher events;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "scrub-job"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "scrub-after-changes"));
    private final AtomicBoolean waiting = new AtomicBoolean();
    private final AtomicBoolean afterChangesPending = new AtomicBoolean();

    ScrubJobs(JobOperator jobOperator, JobRepository jobRepository, Job scrubJob, ScrubProperties properties,
              ApplicationEventPublisher events) {
        this.jobOperator = jobOperator;
        this.events = events;
        this.jobRepository = jobRepository;
        this.scrubJob = scrubJob;
        this.properties = properties;
    }

    /** A run that could not be started or waited for (a run that starts and fails is a status, not this). */
    public static class ScrubRunFailed extends RuntimeException {

        ScrubRunFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A scrub run as the job repository records it. */
    public record ScrubRunStatus(long executionId, String status, String exitCode, String exitDescription,
                                 Instant startedAt, Instant endedAt, long read, long written, long commits,
                                 String trigger) {
    }

    /** Asks for a run; returns at once. False when one is already waiting to start (it will cover this request). */
    public boolean request(String trigger) {
        if (!waiting.compareAndSet(false, true)) {
            return false;
        }
        runner.submit(() -> {
            waiting.set(false);
            return launch(trigger);
        });
        return true;
    }

    /** Runs the job now (after any run in progress) and waits for it. */
    public ScrubRunStatus runAndWait(String trigger) {
        Future<JobExecution> run = runner.submit(() -> launch(trigger));
        try {
            return status(run.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScrubRunFailed("interrupted while waiting for the scrub run", e);
        } catch (ExecutionException e) {
            throw new ScrubRunFailed("the scrub run could not start: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Scheduled(cron = "${claimbridge.scrub.cron:0 */5 * * * *}")
    void onSchedule() {
        request("schedule");
    }

    /** A burst of messages is scrubbed once, {@code claimbridge.scrub.after-changes} after its first change. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onEncounterChanged(EncounterChanged changed) {
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
        for (JobExecution execution : jobRepository.findRunningJobExecutions(ScrubJobConfiguration.JOB)) {
            log.warn("Scrub run {} was cut short (status {}); restarting it", execution.getId(),
                    execution.getStatus());
            JobExecution recovered = jobOperator.recover(execution);
            runner.submit(() -> jobOperator.restart(recovered));
        }
    }

    /** The latest runs, newest first (each run is its own job instance, a restart adds an execution to it). */
    public List<ScrubRunStatus> recent(int count) {
        return jobRepository.getJobInstances(ScrubJobConfiguration.JOB, 0, count).stream()
                .flatMap(i -> jobRepository.getJobExecutions(i).stream())
                .sorted((a, b) -> Long.compare(b.getId(), a.getId())).limit(count).map(ScrubJobs::status).toList();
    }

    public Optional<ScrubRunStatus> find(long executionId) {
        JobExecution execution;
        try {
            execution = jobRepository.getJobExecution(executionId);
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            return Optional.empty();
        }
        return execution == null || !ScrubJobConfiguration.JOB.equals(execution.getJobInstance().getJobName())
                ? Optional.empty() : Optional.of(status(execution));
    }

    private JobExecution launch(String trigger) throws Exception {
        JobParameters parameters = new JobParametersBuilder()
                .addString("run.id", java.util.UUID.randomUUID().toString())
                .addString("trigger", trigger)
                .toJobParameters();
        JobExecution execution = jobOperator.start(scrubJob, parameters);
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            events.publishEvent(new ScrubRunFinished(execution.getId()));
        } else {
            log.warn("Scrub run {} ended {}: {}", execution.getId(), execution.getStatus(),
                    execution.getExitStatus().getExitDescription());
        }
        return execution;
    }

    private static ScrubRunStatus status(JobExecution execution) {
        long read = 0;
        long written = 0;
        long commits = 0;
        // the partitioned step's own execution carries the sums of its partitions
        for (StepExecution step : execution.getStepExecutions()) {
            if (!ScrubJobConfiguration.STEP.equals(step.getStepName())) {
                continue;
            }
            read += step.getReadCount();
            written += step.getWriteCount();
            commits += step.getCommitCount();
        }
        return new ScrubRunStatus(execution.getId(), execution.getStatus().name(),
                execution.getExitStatus().getExitCode(), execution.getExitStatus().getExitDescription(),
                instant(execution.getStartTime()), instant(execution.getEndTime()), read, written, commits,
                execution.getJobParameters().getString("trigger"));
    }

    private static Instant instant(java.time.LocalDateTime at) {
        return at == null ? null : at.atZone(java.time.ZoneId.systemDefault()).toInstant();
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        runner.shutdownNow();
    }
}
