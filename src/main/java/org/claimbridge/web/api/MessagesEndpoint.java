package org.claimbridge.web.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import org.claimbridge.encounter.Lineage;
import org.claimbridge.intake.MessageFilter;
import org.claimbridge.intake.MessageQueries;
import org.claimbridge.intake.MessageStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The message store as JSON, for automation and support. */
@RestController
class MessagesEndpoint {

    static final int MAX_PAGE_SIZE = 500;

    private final MessageQueries messages;
    private final Lineage lineage;

    MessagesEndpoint(MessageQueries messages, Lineage lineage) {
        this.messages = messages;
        this.lineage = lineage;
    }

    /**
     * Stored messages, newest first.
     *
     * @param from received at or after: a date ({@code 2026-11-20}, from the start of that day UTC) or an instant
     * @param to   received before an instant, or up to the end of a date (UTC) included
     */
    @GetMapping("/api/messages")
    MessagePageView list(@RequestParam(required = false) String sender,
                         @RequestParam(required = false) String controlId,
                         @RequestParam(required = false) String type,
                         @RequestParam(required = false) String status,
                         @RequestParam(required = false) String mrn,
                         @RequestParam(required = false) String from,
                         @RequestParam(required = false) String to,
                         @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw new BadRequest("page must be 0 or more (pages count from 0), got " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequest("size must be between 1 and " + MAX_PAGE_SIZE + ", got " + size);
        }
        MessageFilter filter = new MessageFilter(blankToNull(sender), blankToNull(controlId),
                blankToNull(type) == null ? null : type.strip().toUpperCase(Locale.ROOT), status(status),
                blankToNull(mrn), instant("from", from, false), instant("to", to, true));
        return MessagePageView.of(messages.search(filter, page, size));
    }

    @GetMapping("/api/messages/{id}")
    MessageView one(@PathVariable long id) {
        return messages.find(id).map(m -> MessageView.of(m, lineage.changedBy(id)))
                .orElseThrow(() -> new NotFound("no message with id " + id));
    }

    private static MessageStatus status(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return MessageStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("status '" + value + "' is not one of " + Arrays.toString(MessageStatus.values()));
        }
    }

    private static Instant instant(String name, String value, boolean endOfDay) {
        if (blankToNull(value) == null) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " '" + value + "' is neither a date (2026-11-20) nor an instant"
                    + " (2026-11-20T14:30:00Z)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
