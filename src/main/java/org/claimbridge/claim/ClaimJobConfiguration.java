package org.claimbridge.claim;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.claimbridge.encounter.Encounters;
import org.claimbridge.practice.Chargemaster;
import org.claimbridge.practice.ChargemasterItem;
import org.claimbridge.practice.ClaimReceivers;
import org.claimbridge.practice.PracticeDirectory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code claims} job: {@code assembleClaims} turns every encounter due into stored claims, a chunk per
 * transaction; {@code writeClaimFiles} then writes all built claims, one interchange per receiver.
 * <p>
 * An encounter is due when it is READY at its current revision and no claim was made from that revision (a claim
 * the guide refused counts only until the encounter is scrubbed again), or when it was cancelled while the payer
 * holds a claim for it (which then gets a void). As with scrub, leaving the query is the position: a restarted run
 * simply goes on with what is still due, and the file step takes whatever is CREATED.
 */
@Configuration(proxyBeanMethods = false)
class ClaimJobConfiguration {

    static final String JOB = "claims";
    static final String ASSEMBLE = "assembleClaims";
    static final String WRITE = "writeClaimFiles";

    @Bean
    Job claimsJob(JobRepository jobRepository, Step assembleClaims, Step writeClaimFiles) {
        return new JobBuilder(JOB, jobRepository).start(assembleClaims).next(writeClaimFiles).build();
    }

    @Bean
    Step assembleClaims(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        ClaimReader claimReader, ClaimProcessor claimProcessor, ClaimWriter claimWriter,
                        ClaimProperties properties) {
        return new ChunkOrientedStepBuilder<ClaimWork, ClaimRecords.Built>(ASSEMBLE, jobRepository,
                properties.chunkSize())
                .reader(claimReader).processor(claimProcessor).writer(claimWriter)
                .transactionManager(transactionManager)
                .build();
    }

    @Bean
    Step writeClaimFiles(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         ClaimFiles files) {
        return new StepBuilder(WRITE, jobRepository).tasklet((contribution, context) -> {
            Long execution = context.getStepContext().getStepExecution().getJobExecutionId();
            List<ClaimFiles.Written> written = files.writeAll("claims job " + execution, execution);
            contribution.incrementWriteCount(written.stream().mapToLong(ClaimFiles.Written::claims).sum());
            return RepeatStatus.FINISHED;
        }, transactionManager).build();
    }

    @Bean
    @StepScope
    ClaimReader claimReader(DataSource dataSource, Encounters encounters, ClaimRecords records,
                            PracticeDirectory practices, JdbcClient jdbc, ClaimProperties properties)
            throws Exception {
        var due = new JdbcPagingItemReaderBuilder<Long>()
                .name("encountersDueForClaims")
                .dataSource(dataSource)
                .selectClause("SELECT e.id")
                .fromClause("FROM encounter e LEFT JOIN encounter_scrub s ON s.encounter_id = e.id")
                .whereClause("""
                        WHERE ((e.status = 'ACTIVE' AND e.hold_reason IS NULL AND s.state = 'READY'
                                AND s.scrubbed_revision = e.revision)
                               OR (e.status = 'CANCELLED'
                                   AND EXISTS (SELECT 1 FROM claim w WHERE w.encounter_id = e.id
                                               AND w.status IN ('SUBMITTED', 'ACCEPTED', 'ACKNOWLEDGED', 'PAID',
                                                   'PARTIALLY_PAID', 'DENIED', 'APPEALED', 'WRITTEN_OFF'))))
                          AND NOT EXISTS (SELECT 1 FROM claim c WHERE c.encounter_id = e.id
                                          AND c.encounter_revision = e.revision
                                          AND (c.status <> 'INVALID' OR s.scrubbed_at IS NULL
                                               OR c.created_at >= s.scrubbed_at))""")
                .sortKeys(Map.of("id", Order.ASCENDING))
                .rowMapper((rs, n) -> rs.getLong("id"))
                .pageSize(properties.chunkSize())
                // leaving the query is the position (see the class comment)
                .saveState(false)
                .build();
        due.afterPropertiesSet();
        return new ClaimReader(due, encounters, records, practices, jdbc, properties.chunkSize());
    }

    @Bean
    ClaimAssembler claimAssembler(ClaimReceivers receivers, Chargemaster chargemaster) {
        return new ClaimAssembler(new ClaimAssembler.Settings() {
            @Override
            public String filingIndicator(String payerId) {
                return receivers.filingIndicator(payerId);
            }

            @Override
            public Optional<ChargemasterItem> chargemaster(long practiceId, String transactionCode) {
                return chargemaster.find(practiceId, transactionCode);
            }
        });
    }

    @Bean
    @StepScope
    ClaimProcessor claimProcessor(ClaimAssembler assembler, ClaimReceivers receivers, ClaimRecords records) {
        return new ClaimProcessor(assembler, receivers, records);
    }

    @Bean
    @StepScope
    ClaimWriter claimWriter(ClaimRecords records, @Value("#{stepExecution.jobExecutionId}") Long jobExecutionId) {
        return new ClaimWriter(records, "claims job " + jobExecutionId);
    }
}
