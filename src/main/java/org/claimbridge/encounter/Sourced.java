package org.claimbridge.encounter;

/**
 * One value read from a message for a billing-view column, with the HL7 path it came from.
 *
 * @param column  the column it goes into
 * @param value   the typed value (String, LocalDate, LocalDateTime in UTC, BigDecimal, Integer), null when cleared
 * @param path    e.g. {@code IN1(1)-36}
 * @param raw     the text as the message carried it, kept in lineage so a reviewer sees what the sender said
 * @param cleared the sender sent {@code ""}: the stored value is to be deleted
 */
record Sourced(String column, Object value, String path, String raw, boolean cleared) {

    static Sourced of(String column, Object value, String path, String raw) {
        return new Sourced(column, value, path, raw, false);
    }

    static Sourced clear(String column, String path) {
        return new Sourced(column, null, path, "\"\"", true);
    }
}
