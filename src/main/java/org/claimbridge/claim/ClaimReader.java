package org.claimbridge.claim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.claimbridge.encounter.EncounterDetails;
import org.claimbridge.encounter.Encounters;
import org.claimbridge.practice.Practice;
import org.claimbridge.practice.PracticeDirectory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the encounters due for claims a page at a time: their ids from the framework's paging reader, then each
 * page's encounters, earlier claims and practices in a few bulk queries.
 */
class ClaimReader implements ItemStreamReader<ClaimWork> {

    private final ItemStreamReader<Long> due;
    private final Encounters encounters;
    private final ClaimRecords records;
    private final PracticeDirectory practices;
    private final JdbcClient jdbc;
    private final int batchSize;
    private final Deque<ClaimWork> buffer = new ArrayDeque<>();
    private final Map<Long, Practice> practiceCache = new HashMap<>();

    ClaimReader(ItemStreamReader<Long> due, Encounters encounters, ClaimRecords records, PracticeDirectory practices,
                JdbcClient jdbc, int batchSize) {
        this.due = due;
        this.encounters = encounters;
        this.records = records;
        this.practices = practices;
        this.jdbc = jdbc;
        this.batchSize = batchSize;
    }

    @Override
    public ClaimWork read() throws Exception {
        if (buffer.isEmpty()) {
            fill();
        }
        return buffer.poll();
    }

    private void fill() throws Exception {
        List<Long> ids = new ArrayList<>(batchSize);
        Long next;
        while (ids.size() < batchSize && (next = due.read()) != null) {
            ids.add(next);
        }
        if (ids.isEmpty()) {
            return;
        }
        List<EncounterDetails> loaded = encounters.findAll(ids);
        // read after the encounters, so every source of a value just read is at or below it (see ClaimLineage)
        long mark = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM field_source").query(Long.class).single();
        Map<Long, List<PriorClaim>> history = records.history(ids);
        for (EncounterDetails details : loaded) {
            Practice practice = practiceCache.computeIfAbsent(details.encounter().practiceId(),
                    id -> practices.find(id).orElseThrow());
            buffer.add(new ClaimWork(details, practice,
                    history.getOrDefault(details.encounter().id(), List.of()), mark));
        }
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        due.open(executionContext);
    }

    @Override
    public void update(ExecutionContext executionContext) throws ItemStreamException {
        due.update(executionContext);
    }

    @Override
    public void close() throws ItemStreamException {
        due.close();
    }
}
