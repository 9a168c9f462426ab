package org.claimbridge.scrub;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the encounters to scrub as claims: their ids page by page from the framework's paging reader, then each
 * page's claims in a few bulk queries rather than several queries per encounter.
 */
class ScrubReader implements ItemStreamReader<ScrubItem> {

    /** The step execution context's count of encounters due when the partition opened: the run's progress "of". */
    static final String DUE = "scrub.due";

    private final ItemStreamReader<EncounterToScrub> toScrub;
    private final ClaimLoader claims;
    private final LocalDate today;
    private final int batchSize;
    private final Deque<ScrubItem> buffer = new ArrayDeque<>();
    private final LongSupplier due;

    /** @param due counts the encounters the reader's query will bring */
    ScrubReader(ItemStreamReader<EncounterToScrub> toScrub, LongSupplier due, ClaimLoader claims, LocalDate today,
                int batchSize) {
        this.toScrub = toScrub;
        this.due = due;
        this.claims = claims;
        this.today = today;
        this.batchSize = batchSize;
    }

    @Override
    public ScrubItem read() throws Exception {
        if (buffer.isEmpty()) {
            fill();
        }
        return buffer.poll();
    }

    private void fill() throws Exception {
        while (buffer.isEmpty()) {
            List<Long> ids = new ArrayList<>(batchSize);
            EncounterToScrub next;
            while (ids.size() < batchSize && (next = toScrub.read()) != null) {
                ids.add(next.id());
            }
            if (ids.isEmpty()) {
                return;
            }
            for (ClaimLoader.Loaded loaded : claims.load(ids, today)) {
                buffer.add(loaded.item());
            }
        }
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        // counted again on a restart: what is due then is what the restarted partition reads
        executionContext.putLong(DUE, due.getAsLong());
        toScrub.open(executionContext);
    }

    @Override
    public void update(ExecutionContext executionContext) throws ItemStreamException {
        toScrub.update(executionContext);
    }

    @Override
    public void close() throws ItemStreamException {
        toScrub.close();
    }
}
