package org.claimbridge.scrub;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Records a chunk's outcomes: findings opened, kept or closed, and each encounter's state. */
class ScrubWriter implements ItemWriter<ScrubOutcome> {

    private final ScrubRecords records;
    private final String actor;

    ScrubWriter(ScrubRecords records, String actor) {
        this.records = records;
        this.actor = actor;
    }

    @Override
    public void write(Chunk<? extends ScrubOutcome> chunk) {
        records.record(chunk.getItems(), actor);
    }
}
