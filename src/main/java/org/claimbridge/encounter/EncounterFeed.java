package org.claimbridge.encounter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.claimbridge.intake.Hl7Intake;
import org.claimbridge.intake.Hl7MessagesStored;
import org.claimbridge.intake.IntakeActivity;
import org.claimbridge.intake.MessageApplication;
import org.claimbridge.intake.MessageStatus;
import org.claimbridge.intake.StoredMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.scheduling.annotation.Async;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies stored messages to the billing view in order of receipt: woken by intake's event, and by a sweep for
 * anything an event did not bring (a restart, a failed hand-over). One thread at a time across the JVM applies, in
 * runs of messages that commit together, so a later message never overtakes an earlier one; a run with a failure is
 * applied again one message at a time, so the failure takes back only its own message. While intake is committing a
 * burst the feed gives way to it ({@link FeedPace}): a sender waits for its ACK, the billing view's readers do not.
 */
@Component
class EncounterFeed {

    private static final Logger log = LoggerFactory.getLogger(EncounterFeed.class);

    private final MessageApplication messages;
    private final Hl7Intake intake;
    private final BillingMapping mapping;
    private final BillingViewWriter writer;
    private final RecentExtractions recent;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate perMessage;
    private final int batchSize;
    private final int chunkSize;
    private final FeedPace pace;
    // static: one applier per JVM even where two application contexts share a database (tests, a refresh)
    private static final ReentrantLock applying = new ReentrantLock();
    private static final AtomicBoolean wanted = new AtomicBoolean();

    EncounterFeed(MessageApplication messages, Hl7Intake intake, BillingMapping mapping, BillingViewWriter writer,
                  RecentExtractions recent, ApplicationEventPublisher events, PlatformTransactionManager transactions,
                  EncounterProperties properties, IntakeActivity intakeActivity) {
        this.messages = messages;
        this.intake = intake;
        this.mapping = mapping;
        this.writer = writer;
        this.recent = recent;
        this.events = events;
        this.perMessage = new TransactionTemplate(transactions);
        this.perMessage.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.batchSize = Math.max(1, properties.batchSize());
        this.chunkSize = Math.max(1, properties.chunkSize());
        this.pace = new FeedPace(intakeActivity::busy, properties.busyShare());
    }

    // Runs outside any transaction on purpose: under REPEATABLE READ a drain inside one would read every pending list
    // from the snapshot taken at its start, and take messages already applied for pending ones.
    @Async
    @EventListener
    void on(Hl7MessagesStored stored) {
        applyPending();
    }

    // async too: a sweep that finds a backlog drains it, which must not hold up the scheduler's other jobs
    @Async
    @Scheduled(initialDelay = 0,
            fixedDelayString = "${claimbridge.encounter.sweep-interval:30s}")
    void sweep() {
        applyPending();
    }

    /**
     * Applies everything pending. A caller that finds another thread applying leaves a note instead of waiting: the
     * thread at work reads the pending list again before it lets go.
     */
    void applyPending() {
        wanted.set(true);
        while (wanted.get() && applying.tryLock()) {
            try {
                while (wanted.getAndSet(false)) {
                    drain();
                }
            } finally {
                applying.unlock();
            }
        }
    }

    private void drain() {
        while (true) {
            List<StoredMessage> pending = messages.pending(batchSize);
            for (int from = 0; from < pending.size(); from += chunkSize) {
                List<StoredMessage> chunk = pending.subList(from, Math.min(pending.size(), from + chunkSize));
                long start = System.nanoTime();
                if (!applyTogether(chunk)) {
                    for (StoredMessage message : chunk) {
                        if (!apply(message)) {
                            return;
                        }
                    }
                }
                try {
                    pace.giveWay(System.nanoTime() - start);
                } catch (InterruptedException e) {
                    // stopping: what is left stays pending, durable, for the next start
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (pending.size() < batchSize) {
                return;
            }
        }
    }

    /**
     * Applies a run of messages in one transaction: one commit, one disk flush, for the lot. Should any of them
     * fail, the whole run is taken back and applied again one message at a time, so that only the failing message
     * is held.
     */
    private boolean applyTogether(List<StoredMessage> chunk) {
        if (chunk.size() < 2) {
            return false;
        }
        try {
            perMessage.executeWithoutResult(status -> {
                List<EncounterChanged> changes = new ArrayList<>();
                chunk.forEach(message -> changes.addAll(applyInTransaction(message)));
                publish(changes);
            });
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void publish(List<EncounterChanged> changes) {
        if (!changes.isEmpty()) {
            events.publishEvent(new EncountersChanged(changes));
        }
    }

    /** @return the encounters it changed, for the caller to publish in the same transaction */
    private List<EncounterChanged> applyInTransaction(StoredMessage message) {
        if (!messages.claim(message.id())) {
            return List.of(); // applied meanwhile, e.g. by a sweep in another instance: never twice
        }
        Extraction extraction = recent.take(message.text());
        if (extraction == null) {
            extraction = mapping.extract(intake.parse(message.text()));
        }
        if (!extraction.applicable()) {
            messages.finish(message.id(), MessageStatus.HELD, "not applied: " + extraction.problems().stream()
                    .map(p -> (p.location() == null ? "" : p.location() + ": ") + p.text())
                    .collect(Collectors.joining("; ")));
            return List.of();
        }
        BillingViewWriter.Applied applied = writer.apply(message.id(), extraction.update());
        messages.finish(message.id(), MessageStatus.APPLIED, applied.note());
        return applied.changes();
    }

    /** False when the database is unavailable: the message stays pending for the next attempt. */
    private boolean apply(StoredMessage message) {
        try {
            perMessage.executeWithoutResult(status -> publish(applyInTransaction(message)));
            return true;
        } catch (RuntimeException e) {
            if (databaseUnavailable(e)) {
                log.warn("Message {} not applied for now, will retry: {}", message.id(),
                        e.getClass().getSimpleName());
                return false;
            }
            // the class only: exception messages can quote patient data, which stays out of logs
            log.warn("Message {} could not be applied and is held: {}", message.id(), e.getClass().getName());
            try {
                perMessage.executeWithoutResult(status -> messages.finish(message.id(), MessageStatus.HELD,
                        "could not apply, nothing of it kept: " + reason(e)));
                return true;
            } catch (RuntimeException again) {
                log.error("Message {} could not be marked held either: {}", message.id(),
                        again.getClass().getName());
                return false;
            }
        }
    }

    /**
     * Whether a failure is the database's rather than the message's, so the message waits for the next attempt
     * instead of being held. A transaction that cannot even begin counts: that is what a closing pool gives while
     * claimbridge stops, and a message held for it would wait for a person instead of the next start.
     */
    static boolean databaseUnavailable(RuntimeException e) {
        return e instanceof TransientDataAccessException || e instanceof DataAccessResourceFailureException
                || e instanceof CannotCreateTransactionException;
    }

    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
