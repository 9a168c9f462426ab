package org.claimbridge.intake;

import java.util.List;

/** One page of stored messages, newest first. {@code page} counts from 0. */
public record MessagePage(List<MessageSummary> items, int page, int size, long totalElements) {

    public long totalPages() {
        return size == 0 ? 0 : (totalElements + size - 1) / size;
    }
}
