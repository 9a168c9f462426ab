package org.claimbridge.scrub;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code scrub} job: one chunk-oriented step that reads the encounters whose scrub is missing or out of date,
 * evaluates the rule set on each and records findings and states, a chunk per transaction.
 * <p>
 * Restart needs no saved reader position: an encounter leaves the reader's query in the same transaction that
 * records its scrub, so a restarted (or simply a new) run goes on with exactly the ones not yet done.
 */
@Configuration(proxyBeanMethods = false)
class ScrubJobConfiguration {

    static final String JOB = "scrub";

    @Bean
    Job scrubJob(JobRepository jobRepository, Step scrubEncounters) {
        return new JobBuilder(JOB, jobRepository).start(scrubEncounters)
                .build();
    }

    static final String STEP = "scrubEncounters";

    /**
     * The encounters split by id modulo the thread count, one partition per thread, each read, evaluated and written
     * in its own chunks: while one partition waits for the database another evaluates, which one reader feeding
     * several evaluators did not allow. Modulo rather than id ranges, since the encounters due are mostly the newest.
     */
    @Bean
    Step scrubEncounters(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         ScrubReader scrubReader, ScrubProcessor scrubProcessor, ScrubWriter scrubWriter,
                         ScrubProperties properties, ScrubThreads threads) {
        Step scrubPartition = scrubPartition(jobRepository, transactionManager, scrubReader, scrubProcessor,
                scrubWriter, properties);
        return new StepBuilder(STEP, jobRepository)
                .partitioner("scrubPartition", gridSize -> {
                    Map<String, ExecutionContext> partitions = new java.util.LinkedHashMap<>();
                    for (int i = 0; i < gridSize; i++) {
                        ExecutionContext context = new ExecutionContext();
                        context.putInt("partition", i);
                        context.putInt("partitions", gridSize);
                        partitions.put("partition" + i, context);
                    }
                    return partitions;
                })
                .step(scrubPartition).gridSize(properties.threads()).taskExecutor(threads.executor())
                .build();
    }

    /**
     * One partition's chunks. Not a bean, so that Spring Batch's observability post-processor leaves it without the
     * Micrometer registry: that timed every chunk, read, process and write of every partition (several
     * observations an encounter, a twentieth of a scrub's CPU), while the job and the partitioned step above are
     * still observed as a whole.
     */
    private static Step scrubPartition(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                      ScrubReader scrubReader, ScrubProcessor scrubProcessor, ScrubWriter scrubWriter,
                                      ScrubProperties properties) {
        return new ChunkOrientedStepBuilder<ScrubItem, ScrubOutcome>("scrubPartition", jobRepository,
                properties.chunkSize())
                .reader(scrubReader).processor(scrubProcessor).writer(scrubWriter)
                .transactionManager(transactionManager)
                .build();
    }

    @Bean
    ScrubThreads scrubThreads(ScrubProperties properties) {
        return new ScrubThreads(properties.threads());
    }

    /**
     * The threads the partitions run on. Not an executor bean: one would become the
     * application's default for {@code @Async} work.
     */
    static final class ScrubThreads implements DisposableBean {

        private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

        ScrubThreads(int threads) {
            executor.setCorePoolSize(threads);
            executor.setMaxPoolSize(threads);
            executor.setThreadNamePrefix("scrub-");
            executor.initialize();
        }

        ThreadPoolTaskExecutor executor() {
            return executor;
        }

        @Override
        public void destroy() {
            executor.shutdown();
        }
    }

    /** The rule set and the date of one step execution, so every encounter in a run is judged alike. */
    // not proxied: a record cannot be, and only step-scoped beans, created within the step, use it
    @Bean
    @Scope(value = "step", proxyMode = ScopedProxyMode.NO)
    ScrubRun scrubRun(RuleSets ruleSets, Clock clock, @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId) {
        return new ScrubRun(ruleSets.current(), LocalDate.now(clock), "scrub job " + jobExecutionId);
    }

    /** The encounters due: never scrubbed, changed since, or judged by another rule set; held ones wait. */
    private static final String DUE_FROM = "FROM encounter e LEFT JOIN encounter_scrub s ON s.encounter_id = e.id";
    private static final String DUE_WHERE = """
            WHERE e.status = 'ACTIVE' AND e.hold_reason IS NULL
              AND (s.encounter_id IS NULL OR s.scrubbed_revision <> e.revision
                   OR s.rule_set_version <> :version)
              AND MOD(e.id, :partitions) = :partition""";

    @Bean
    @StepScope
    ScrubReader scrubReader(DataSource dataSource, ScrubRun scrubRun, ClaimLoader claims, ScrubProperties properties,
                            @Value("#{stepExecutionContext['partition']}") Integer partition,
                            @Value("#{stepExecutionContext['partitions']}") Integer partitions) throws Exception {
        Map<String, Object> parameters = Map.of("version", scrubRun.ruleSet().version(),
                "partition", partition == null ? 0 : partition,
                "partitions", partitions == null ? 1 : partitions);
        var toScrub = new JdbcPagingItemReaderBuilder<EncounterToScrub>()
                .name("encountersToScrub")
                .dataSource(dataSource)
                .selectClause("SELECT e.id, e.revision")
                .fromClause(DUE_FROM)
                .whereClause(DUE_WHERE)
                .parameterValues(parameters)
                .sortKeys(Map.of("id", Order.ASCENDING))
                .rowMapper((rs, n) -> new EncounterToScrub(rs.getLong("id"), rs.getInt("revision")))
                .pageSize(properties.chunkSize())
                // the query is the position (see the class comment); a saved page number would skip encounters
                .saveState(false)
                .build();
        toScrub.afterPropertiesSet();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        return new ScrubReader(toScrub, () -> jdbc.sql("SELECT COUNT(*) " + DUE_FROM + " " + DUE_WHERE)
                .params(parameters).query(Long.class).single(), claims, scrubRun.today(), properties.chunkSize());
    }

    @Bean
    @StepScope
    ScrubProcessor scrubProcessor(ScrubRun scrubRun, RuleEvaluator evaluator) {
        return new ScrubProcessor(scrubRun.ruleSet(), evaluator);
    }

    @Bean
    @StepScope
    ScrubWriter scrubWriter(ScrubRecords records, ScrubRun scrubRun) {
        return new ScrubWriter(records, scrubRun.actor());
    }
}
