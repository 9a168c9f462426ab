package org.claimbridge.scrub;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.claimbridge.encounter.EncounterDetails;
import org.claimbridge.encounter.Encounters;
import org.claimbridge.practice.Practice;
import org.claimbridge.practice.PracticeDirectory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the encounters to scrub as claims: their ids page by page from the framework's paging reader, then each
 * page's details in a few bulk queries rather than several queries per encounter.
 */
class ScrubReader implements ItemStreamReader<ScrubItem> {

    private final ItemStreamReader<EncounterToScrub> toScrub;
    private final Encounters encounters;
    private final PracticeDirectory practices;
    private final LocalDate today;
    private final int batchSize;
    private final Deque<ScrubItem> buffer = new ArrayDeque<>();
    private final Map<Long, Optional<Practice>> practiceCache = new HashMap<>();

    ScrubReader(ItemStreamReader<EncounterToScrub> toScrub, Encounters encounters, PracticeDirectory practices,
                LocalDate today, int batchSize) {
        this.toScrub = toScrub;
        this.encounters = encounters;
        this.practices = practices;
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
            for (EncounterDetails details : encounters.findAll(ids)) {
                Optional<Practice> practice = practiceCache.computeIfAbsent(details.encounter().practiceId(),
                        practices::find);
                // an encounter changed (held, cancelled) between the two reads waits for the next run
                if (practice.isPresent() && details.encounter().holdReason() == null
                        && "ACTIVE".equals(details.encounter().status())) {
                    buffer.add(new ScrubItem(details.encounter().id(), details.encounter().revision(),
                            ClaimContexts.of(details, practice.get(), today)));
                }
            }
        }
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
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
