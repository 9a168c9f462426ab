package org.claimbridge.codes;

import java.time.LocalDate;

/**
 * What a load did.
 *
 * @param alreadyLoaded the same file (by content) had been loaded before, so nothing changed
 */
record CodeLoad(long id, CodeSet set, String version, LocalDate effectiveFrom, int codes, boolean alreadyLoaded) {
}
