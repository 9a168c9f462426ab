package org.claimbridge.encounter;

import java.util.ArrayList;
import java.util.List;

/**
 * The values a message carries for one billing-view row. A column the message is silent on is absent, so an
 * update leaves what is stored alone; a column it clears with {@code ""} is present with a null value.
 */
record Columns(List<Sourced> values) {

    Columns {
        values = List.copyOf(values);
    }

    static Columns none() {
        return new Columns(List.of());
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    boolean has(String column) {
        return get(column) != null;
    }

    Sourced get(String column) {
        for (Sourced s : values) {
            if (s.column().equals(column)) {
                return s;
            }
        }
        return null;
    }

    /** The value for a column, or null when absent or cleared. */
    Object value(String column) {
        Sourced s = get(column);
        return s == null ? null : s.value();
    }

    /** This row's values followed by those of {@code more} for columns it does not have yet. */
    Columns orElse(Columns more) {
        List<Sourced> all = new ArrayList<>(values);
        for (Sourced s : more.values) {
            if (!has(s.column())) {
                all.add(s);
            }
        }
        return new Columns(all);
    }
}
