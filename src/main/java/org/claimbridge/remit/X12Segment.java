package org.claimbridge.remit;

import java.util.List;

/**
 * One segment as StAEDI read it: its tag and its elements, each element as its components (a simple element has
 * one), so no value is ever split on a delimiter character.
 */
record X12Segment(String tag, List<List<String>> elements) {

    /** Element {@code position} (1-based), its first component; "" when absent. */
    String get(int position) {
        return component(position, 1);
    }

    String component(int position, int component) {
        if (position < 1 || position > elements.size()) {
            return "";
        }
        List<String> element = elements.get(position - 1);
        return element != null && component <= element.size() && element.get(component - 1) != null
                ? element.get(component - 1) : "";
    }

    /** The element's components joined by ':' for display ("A1:20:PR"). */
    String composite(int position) {
        if (position < 1 || position > elements.size()) {
            return "";
        }
        List<String> element = elements.get(position - 1);
        if (element == null) {
            return "";
        }
        int last = element.size();
        while (last > 0 && (element.get(last - 1) == null || element.get(last - 1).isEmpty())) {
            last--;
        }
        return String.join(":", element.subList(0, last).stream().map(c -> c == null ? "" : c).toList());
    }

    boolean is(String tag, String qualifier) {
        return this.tag.equals(tag) && get(1).equals(qualifier);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(tag);
        for (int i = 1; i <= elements.size(); i++) {
            b.append('*').append(composite(i));
        }
        return b.toString();
    }
}
