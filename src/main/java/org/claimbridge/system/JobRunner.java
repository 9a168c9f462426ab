package org.claimbridge.system;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;

/**
 * Runs one Spring Batch job for a feature: runs take turns on one thread of their own, a request while one waits to
 * start adds nothing (every run takes all the work due when it starts), and a run a crash cut short is marked failed
 * and restarted. Each run is a job instance of its own (a random run id), so the history keeps every run.
 */
public final class JobRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    /** A run that could not be started or waited for (a run that starts and fails is a status, not this). */
    public static class RunFailed extends RuntimeException {
        RunFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String name;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final Consumer<JobExecution> onCompleted;
    private final ExecutorService runner;
    private final AtomicBoolean waiting = new AtomicBoolean();

    /** @param onCompleted told of every run that ends COMPLETED, on the runner's thread */
    public JobRunner(Job job, JobOperator jobOperator, JobRepository jobRepository,
                     Consumer<JobExecution> onCompleted) {
        this.name = job.getName();
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = job;
        this.onCompleted = onCompleted;
        this.runner = Executors.newSingleThreadExecutor(r -> new Thread(r, name + "-job"));
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
    public JobExecution runAndWait(String trigger) {
        Future<JobExecution> run = runner.submit(() -> launch(trigger));
        try {
            return run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailed("interrupted while waiting for the " + name + " run", e);
        } catch (ExecutionException e) {
            throw new RunFailed("the " + name + " run could not start: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Marks runs still marked as running (a crash cut them short) failed, and finishes them. */
    public void restartInterrupted() {
        for (JobExecution execution : jobRepository.findRunningJobExecutions(name)) {
            log.warn("The {} run {} was cut short (status {}); restarting it", name, execution.getId(),
                    execution.getStatus());
            JobExecution recovered = jobOperator.recover(execution);
            runner.submit(() -> jobOperator.restart(recovered));
        }
    }

    /**
     * Restarts a run that failed (a step threw, or a crash cut it short and start-up marked it failed), once its
     * cause is fixed: on the runner's thread, after any run in progress; returns at once.
     *
     * @throws IllegalStateException naming why when the run is not this job's, or not the failed end of its run
     */
    public void restart(long executionId) {
        JobExecution execution = find(executionId).orElseThrow(() -> new IllegalStateException(
                "there is no " + name + " run " + executionId));
        if (!restartable(execution)) {
            throw new IllegalStateException("the " + name + " run " + executionId + " is " + execution.getStatus()
                    + (execution.getStatus() == BatchStatus.FAILED ? ", and was restarted already" : "")
                    + ": only a failed run is restarted");
        }
        log.info("The failed {} run {} is restarted on request", name, executionId);
        runner.submit(() -> {
            JobExecution restarted = jobOperator.restart(execution);
            if (restarted.getStatus() == BatchStatus.COMPLETED) {
                onCompleted.accept(restarted);
            }
            return restarted;
        });
    }

    /** Whether an execution is a failed run's latest attempt, which a restart would take up. */
    public boolean restartable(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.STOPPED) {
            return false;
        }
        JobExecution last = jobRepository.getLastJobExecution(execution.getJobInstance());
        return last != null && last.getId() == execution.getId();
    }

    /** The latest runs, newest first (a restart adds an execution to its run). */
    public List<JobExecution> recent(int count) {
        return jobRepository.getJobInstances(name, 0, count).stream()
                .flatMap(i -> jobRepository.getJobExecutions(i).stream())
                .sorted((a, b) -> Long.compare(b.getId(), a.getId())).limit(count).toList();
    }

    public Optional<JobExecution> find(long executionId) {
        JobExecution execution;
        try {
            execution = jobRepository.getJobExecution(executionId);
        } catch (EmptyResultDataAccessException e) {
            return Optional.empty();
        }
        return execution == null || !name.equals(execution.getJobInstance().getJobName()) ? Optional.empty()
                : Optional.of(execution);
    }

    private JobExecution launch(String trigger) throws Exception {
        JobParameters parameters = new JobParametersBuilder()
                .addString("run.id", UUID.randomUUID().toString())
                .addString("trigger", trigger)
                .toJobParameters();
        JobExecution execution = jobOperator.start(job, parameters);
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            onCompleted.accept(execution);
        } else {
            log.warn("The {} run {} ended {}: {}", name, execution.getId(), execution.getStatus(),
                    execution.getExitStatus().getExitDescription());
        }
        return execution;
    }

    /** The job repository keeps local date/times; the API speaks in instants. */
    public static Instant instant(LocalDateTime at) {
        return at == null ? null : at.atZone(ZoneId.systemDefault()).toInstant();
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
