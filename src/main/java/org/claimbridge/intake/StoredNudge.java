package org.claimbridge.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes {@link Hl7MessagesStored} from a thread of its own, so that the journal's writer, which every sender's
 * ACK waits for, only drops the ids in a queue. Batches that were committed while the last event was published go
 * out together as one event, in the order they were committed.
 */
final class StoredNudge {

    private static final Logger log = LoggerFactory.getLogger(StoredNudge.class);

    private final ApplicationEventPublisher events;
    private final BlockingQueue<List<Long>> waiting = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private Thread thread;

    StoredNudge(ApplicationEventPublisher events) {
        this.events = events;
    }

    void add(List<Long> messageIds) {
        waiting.add(messageIds);
    }

    void start() {
        running = true;
        thread = new Thread(this::publish, "hl7-journal-nudge");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Ids still waiting are dropped: their messages are RECEIVED in the store, and the billing view's sweep applies
     * them at the next start.
     */
    void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        waiting.clear();
    }

    private void publish() {
        List<List<Long>> batches = new ArrayList<>();
        while (running) {
            try {
                List<Long> first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batches.add(first);
                waiting.drainTo(batches);
                List<Long> ids = new ArrayList<>();
                batches.forEach(ids::addAll);
                events.publishEvent(new Hl7MessagesStored(List.copyOf(ids)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // a listener that fails must not stop the nudges; the sweep applies what this one missed
                log.warn("Could not announce {} stored message batch(es)", batches.size(), e);
            } finally {
                batches.clear();
            }
        }
    }
}
