package org.claimbridge.scrub;

import java.util.List;

/** A loaded edit table and how its edit finds problems on a claim. Held in memory with the rule set. */
interface EditTable {

    List<EditHit> hits(ClaimContext claim, Edit edit);

    /**
     * A hit on the sample claim, with every variable the edit gives, so a rule's message is tried at load time on
     * the same variables it sees in a scrub. Null when the sample has no line to put it on.
     */
    EditHit sample(ClaimContext claim);
}
