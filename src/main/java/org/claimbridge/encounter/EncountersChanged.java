package org.claimbridge.encounter;

import java.util.List;

/**
 * Encounters changed by one run of messages applied together, published once for the run in the transaction that
 * made the changes: one event publication for the run rather than one per message, each of which the registry
 * writes, then marks complete, in transactions of their own.
 */
public record EncountersChanged(List<EncounterChanged> changes) {

    public EncountersChanged {
        changes = List.copyOf(changes);
    }
}
