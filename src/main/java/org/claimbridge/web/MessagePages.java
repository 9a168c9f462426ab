package org.claimbridge.web;

import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.claimbridge.encounter.Lineage;
import org.claimbridge.intake.Channel;
import org.claimbridge.intake.MessageDetail;
import org.claimbridge.intake.MessageDiff;
import org.claimbridge.intake.MessageFilter;
import org.claimbridge.intake.MessagePage;
import org.claimbridge.intake.MessageQueries;
import org.claimbridge.intake.MessageReprocessing;
import org.claimbridge.intake.MessageStatus;
import org.claimbridge.intake.ReprocessRefused;
import org.claimbridge.intake.SegmentTable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The message store for people: a search (sender, control id, MRN, type, status, date), newest first, and one
 * message as a segment and field table with HAPI's field names, the ACK sent, its errors and what it changed. A
 * refused or held message is reprocessed here, as it is or corrected, with a reason; the new message's page shows
 * the segment diff and what it changed downstream. Patient data stays under {@code /messages/{id}}, where the audit
 * of patient data views looks.
 */
@Controller
class MessagePages implements Page {

    static final String PATH = "/messages";

    private static final int PAGE_SIZE = 50;

    private final MessageQueries messages;
    private final Lineage lineage;
    private final MessageReprocessing reprocessing;

    MessagePages(MessageQueries messages, Lineage lineage, MessageReprocessing reprocessing) {
        this.messages = messages;
        this.lineage = lineage;
        this.reprocessing = reprocessing;
    }

    /** The search as typed, for the form to show again. */
    record Search(String sender, String controlId, String mrn, String type, String status, String from, String to) {
    }

    @GetMapping(PATH)
    String list(@RequestParam(name = "sender", required = false) String sender,
                @RequestParam(name = "controlId", required = false) String controlId,
                @RequestParam(name = "mrn", required = false) String mrn,
                @RequestParam(name = "type", required = false) String type,
                @RequestParam(name = "status", required = false) String status,
                @RequestParam(name = "from", required = false) String from,
                @RequestParam(name = "to", required = false) String to,
                @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        Search search = new Search(clean(sender), clean(controlId), clean(mrn), clean(type), clean(status),
                clean(from), clean(to));
        model.addAttribute("search", search);
        model.addAttribute("statuses", MessageStatus.values());
        List<String> problems = new ArrayList<>();
        MessageStatus chosen = null;
        if (!search.status().isEmpty()) {
            try {
                chosen = MessageStatus.valueOf(search.status().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("Status '" + search.status() + "' is not a message status.");
            }
        }
        LocalDate fromDate = date("From", search.from(), problems);
        LocalDate toDate = date("To", search.to(), problems);
        if (!problems.isEmpty()) {
            model.addAttribute("error", String.join(" ", problems));
            model.addAttribute("messages", new MessagePage(List.of(), 0, PAGE_SIZE, 0));
            return "messages/list";
        }
        MessageFilter filter = new MessageFilter(nullIfEmpty(search.sender()), nullIfEmpty(search.controlId()),
                search.type().isEmpty() ? null : search.type().toUpperCase(Locale.ROOT), chosen,
                nullIfEmpty(search.mrn()),
                fromDate == null ? null : fromDate.atStartOfDay(ZoneOffset.UTC).toInstant(),
                toDate == null ? null : toDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        model.addAttribute("messages", messages.search(filter, Math.max(page, 0), PAGE_SIZE));
        return "messages/list";
    }

    @GetMapping(PATH + "/{id}")
    String message(@PathVariable("id") String id, Model model, HttpServletResponse response) {
        Optional<MessageDetail> found = find(id);
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("id", id);
            return "messages/missing";
        }
        MessageDetail message = found.get();
        model.addAttribute("message", message);
        model.addAttribute("reprocessed", message.channel() == Channel.REPROCESS);
        model.addAttribute("segments", SegmentTable.of(message.rawText()));
        model.addAttribute("ackSegments", message.ackText() == null ? List.of()
                : List.of(message.ackText().split("[\r\n]+")));
        model.addAttribute("changes", lineage.changedBy(message.id()));
        Optional<MessageReprocessing.Reprocessing> origin = reprocessing.origin(message.id());
        model.addAttribute("origin", origin.orElse(null));
        origin.filter(MessageReprocessing.Reprocessing::corrected)
                .flatMap(o -> messages.find(o.originalId()))
                .ifPresent(original -> model.addAttribute("diff",
                        MessageDiff.between(original.rawText(), message.rawText())));
        model.addAttribute("reprocessedAs", reprocessing.reprocessedAs(message.id()));
        boolean failed = MessageReprocessing.REPROCESSABLE.contains(message.status());
        Optional<String> whyNot = failed ? reprocessing.whyNot(message.id()) : Optional.empty();
        model.addAttribute("reprocessable", failed && whyNot.isEmpty());
        model.addAttribute("notReprocessable", whyNot.orElse(null));
        if (!model.containsAttribute("correctionText")) {
            model.addAttribute("correctionText", message.rawText() == null ? ""
                    : message.rawText().strip().replace("\r", "\n"));
        }
        return "messages/message";
    }

    @PostMapping(PATH + "/{id}/reprocess")
    String reprocess(@PathVariable("id") long id, @RequestParam(name = "reason", required = false) String reason,
                     Principal user, RedirectAttributes redirect) {
        try {
            MessageReprocessing.Reprocessed done = reprocessing.reprocess(id, user.getName(), reason);
            redirect.addFlashAttribute("notice", "Message " + id + " reprocessed as message " + done.messageId()
                    + ": " + done.status() + outcome(done.status()));
            return "redirect:" + PATH + "/" + done.messageId();
        } catch (ReprocessRefused refused) {
            redirect.addFlashAttribute("error", "Not reprocessed: " + refused.getMessage());
            redirect.addFlashAttribute("errorField", refused.field());
            return "redirect:" + PATH + "/" + id;
        }
    }

    @PostMapping(PATH + "/{id}/correction")
    String correct(@PathVariable("id") long id, @RequestParam(name = "text", required = false) String text,
                   @RequestParam(name = "reason", required = false) String reason, Principal user,
                   RedirectAttributes redirect) {
        try {
            MessageReprocessing.Reprocessed done = reprocessing.correct(id, text, user.getName(), reason);
            redirect.addFlashAttribute("notice", "The correction of message " + id + " is message "
                    + done.messageId() + ": " + done.status() + outcome(done.status()));
            return "redirect:" + PATH + "/" + done.messageId();
        } catch (ReprocessRefused refused) {
            // the text typed is kept, so a missing reason costs nothing but the reason
            redirect.addFlashAttribute("correctionText", text == null ? "" : text);
            redirect.addFlashAttribute("correctionReason", reason == null ? "" : reason);
            redirect.addFlashAttribute("error", "Not corrected: " + refused.getMessage());
            redirect.addFlashAttribute("errorField", refused.field());
            return "redirect:" + PATH + "/" + id;
        }
    }

    private static String outcome(MessageStatus status) {
        return status == MessageStatus.RECEIVED ? " (taken; the billing view applies it in a moment)." : ".";
    }

    private Optional<MessageDetail> find(String id) {
        try {
            return messages.find(Long.parseLong(id));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static LocalDate date(String label, String value, List<String> problems) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(label + " date '" + value + "' is not a date like 2026-11-20.");
            return null;
        }
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }

    private static String nullIfEmpty(String value) {
        return value.isEmpty() ? null : value;
    }
}
