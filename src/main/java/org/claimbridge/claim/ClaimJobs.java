package org.claimbridge.claim;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.claimbridge.scrub.ScrubRunFinished;
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

    private static final Logger log = LoggerFactory.getLogger(ClaimJobs.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job claimsJob;
    private final ClaimProperties properties;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "claims-job"));
    private final AtomicBoolean waiting = new AtomicBoolean();

    ClaimJobs(JobOperator jobOperator, JobRepository jobRepository, Job claimsJob, ClaimProperties properties) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.claimsJob = claimsJob;
        this.properties = properties;
    }

    /** A run that could not be started or waited for (a run that starts and fails is a status, not this). */
    public static class ClaimRunFailed extends RuntimeException {
        ClaimRunFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A claims run as the job repository records it. */
    public record ClaimRunStatus(long executionId, String status, String exitDescription, Instant startedAt,
                                 Instant endedAt, long encounters, long claimsWritten, String trigger) {
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
    public ClaimRunStatus runAndWait(String trigger) {
        Future<JobExecution> run = runner.submit(() -> launch(trigger));
        try {
            return status(run.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClaimRunFailed("interrupted while waiting for the claims run", e);
        } catch (ExecutionException e) {
            throw new ClaimRunFailed("the claims run could not start: " + e.getCause().getMessage(), e.getCause());
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

    /** A run still marked as running at startup was cut short by a crash: mark it failed and finish it. */
    @EventListener(ApplicationReadyEvent.class)
    void restartInterrupted() {
        for (JobExecution execution : jobRepository.findRunningJobExecutions(ClaimJobConfiguration.JOB)) {
            log.warn("Claims run {} was cut short (status {}); restarting it", execution.getId(),
                    execution.getStatus());
            JobExecution recovered = jobOperator.recover(execution);
            runner.submit(() -> jobOperator.restart(recovered));
        }
    }

    /** The latest runs, newest first. */
    public List<ClaimRunStatus> recent(int count) {
        return jobRepository.getJobInstances(ClaimJobConfiguration.JOB, 0, count).stream()
                .flatMap(i -> jobRepository.getJobExecutions(i).stream())
                .sorted((a, b) -> Long.compare(b.getId(), a.getId())).limit(count).map(ClaimJobs::status).toList();
    }

    public Optional<ClaimRunStatus> find(long executionId) {
        JobExecution execution;
        try {
            execution = jobRepository.getJobExecution(executionId);
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            return Optional.empty();
        }
        return execution == null || !ClaimJobConfiguration.JOB.equals(execution.getJobInstance().getJobName())
                ? Optional.empty() : Optional.of(status(execution));
    }

    private JobExecution launch(String trigger) throws Exception {
        JobParameters parameters = new JobParametersBuilder()
                .addString("run.id", UUID.randomUUID().toString())
                .addString("trigger", trigger)
                .toJobParameters();
        JobExecution execution = jobOperator.start(claimsJob, parameters);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            log.warn("Claims run {} ended {}: {}", execution.getId(), execution.getStatus(),
                    execution.getExitStatus().getExitDescription());
        }
        return execution;
    }

    private static ClaimRunStatus status(JobExecution execution) {
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
                execution.getExitStatus().getExitDescription(), instant(execution.getStartTime()),
                instant(execution.getEndTime()), encounters, written,
                execution.getJobParameters().getString("trigger"));
    }

    private static Instant instant(java.time.LocalDateTime at) {
        return at == null ? null : at.atZone(ZoneId.systemDefault()).toInstant();
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}
