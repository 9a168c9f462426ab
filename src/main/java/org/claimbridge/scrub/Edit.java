package org.claimbridge.scrub;

import java.util.List;
import java.util.Set;

/**
 * The table-driven part of a rule ({@code edit:} in a rule file): which edit, on which table.
 *
 * @param table           the table's path under the rules folder, e.g. {@code ncci/ptp-sample.csv}
 * @param bypassModifiers for procedure pairs: modifiers on the column-2 line that allow a pair with indicator 1
 */
record Edit(EditKind kind, String table, EditTable loaded, Set<String> bypassModifiers) {

    List<EditHit> hits(ClaimContext claim) {
        return loaded.hits(claim, this);
    }
}
