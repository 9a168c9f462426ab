package org.claimbridge.web.api;

import java.util.List;

import org.claimbridge.intake.MessagePage;
import org.claimbridge.intake.MessageSummary;

/** A page of messages: {@code page} counts from 0, {@code items} newest first. */
record MessagePageView(List<MessageSummary> items, int page, int size, long totalElements, long totalPages) {

    static MessagePageView of(MessagePage page) {
        return new MessagePageView(page.items(), page.page(), page.size(), page.totalElements(), page.totalPages());
    }
}
