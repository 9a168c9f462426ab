package org.claimbridge.encounter;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * What the billing check made of each message on arrival, kept for the feed that applies it moments later, so that
 * a message is parsed and mapped once rather than twice. Keyed by the message's text, which is all a reading
 * depends on. Held in memory only and bounded by the text it holds (a reading is about the size of its message): a
 * message applied after a restart, or after a burst pushed its reading out, is simply read again from its stored
 * text.
 */
@Component
class RecentExtractions {

    private final long maxChars;
    private final Map<String, Extraction> byText = new LinkedHashMap<>();
    private long chars;

    RecentExtractions() {
        this(4_000_000);
    }

    RecentExtractions(long maxChars) {
        this.maxChars = maxChars;
    }

    synchronized void keep(String text, Extraction extraction) {
        if (text.length() > maxChars) {
            return;
        }
        if (byText.put(text, extraction) == null) {
            chars += text.length();
        }
        Iterator<String> eldest = byText.keySet().iterator();
        while (chars > maxChars) {
            chars -= eldest.next().length();
            eldest.remove();
        }
    }

    /** The reading kept for this text, removed from the store; null when there is none. */
    synchronized Extraction take(String text) {
        Extraction extraction = byText.remove(text);
        if (extraction != null) {
            chars -= text.length();
        }
        return extraction;
    }

    synchronized int size() {
        return byText.size();
    }
}
