package org.claimbridge.claim;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Stores a chunk's claims in the chunk's transaction. */
class ClaimWriter implements ItemWriter<ClaimRecords.Built> {

    private final ClaimRecords records;
    private final String actor;

    ClaimWriter(ClaimRecords records, String actor) {
        this.records = records;
        this.actor = actor;
    }

    @Override
    public void write(Chunk<? extends ClaimRecords.Built> chunk) {
        records.store(java.util.List.copyOf(chunk.getItems()), actor);
    }
}
