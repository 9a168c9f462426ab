package org.claimbridge.practice;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Service;

/**
 * The practices' chargemasters, all in memory: claim building asks for every charge line, so a lookup must not be a
 * query. Read once at start-up, after {@link PracticeSetup} has loaded the configured files; a changed file takes a
 * restart.
 */
@Service
public class Chargemaster implements InitializingBean {

    private final ChargemasterItems items;
    private volatile Map<Long, Map<String, ChargemasterItem>> byPractice = Map.of();

    /** @param written not used: asking for it makes Spring finish writing the practices and their items first */
    Chargemaster(ChargemasterItems items, PracticeSetup written) {
        this.items = items;
    }

    @Override
    public void afterPropertiesSet() {
        // immutable copies behind a volatile field: read from any thread without locks
        byPractice = items.all().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue())));
    }

    /** A practice's items by transaction code, as read at start; empty when it has no chargemaster. */
    public java.util.List<ChargemasterItem> items(long practiceId) {
        return byPractice.getOrDefault(practiceId, Map.of()).values().stream()
                .sorted(java.util.Comparator.comparing(ChargemasterItem::transactionCode)).toList();
    }

    /** The file a practice's items were loaded from ({@code claimbridge.practices[].chargemaster}), if any. */
    public Optional<ChargemasterSource> source(long practiceId) {
        return items.source(practiceId);
    }

    /** The item a practice bills its charge code (FT1-7.1) as; empty for a code its chargemaster does not list. */
    public Optional<ChargemasterItem> find(long practiceId, String transactionCode) {
        if (transactionCode == null) {
            return Optional.empty();
        }
        Map<String, ChargemasterItem> practiceItems = byPractice.get(practiceId);
        return practiceItems == null ? Optional.empty() : Optional.ofNullable(practiceItems.get(transactionCode));
    }
}
