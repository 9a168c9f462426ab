package org.claimbridge.practice;

import java.time.Instant;

/**
 * Where a practice's chargemaster items came from.
 *
 * @param file     the CSV as configured under {@code claimbridge.practices[].chargemaster}
 * @param loadedAt when it was last read (UTC)
 */
public record ChargemasterSource(String file, Instant loadedAt, int items) {
}
