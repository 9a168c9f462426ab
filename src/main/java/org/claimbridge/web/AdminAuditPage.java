package org.claimbridge.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Admin: the audit log of patient-data views and edits (and user account changes), newest first, 100 to a page,
 * filtered by user, record (kind and id) and days (UTC).
 */
@Controller
class AdminAuditPage implements Page {

    static final String PATH = "/admin/audit";
    static final int SIZE = 100;
    static final List<String> RECORD_TYPES = List.of("encounter", "claim", "message", "denial", "user");

    private final AuditLog audit;

    AdminAuditPage(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping(PATH)
    String audit(@RequestParam(name = "user", required = false) String user,
                 @RequestParam(name = "recordType", required = false) String recordType,
                 @RequestParam(name = "recordId", required = false) String recordId,
                 @RequestParam(name = "from", required = false) String from,
                 @RequestParam(name = "to", required = false) String to,
                 @RequestParam(name = "page", defaultValue = "0") int page, Model model,
                 HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        String type = blankToNull(recordType);
        if (type != null && !RECORD_TYPES.contains(type)) {
            errors.put("recordType", "Unknown record kind '" + type + "': one of " + RECORD_TYPES + ".");
        }
        LocalDate fromDay = day(from, "from", errors);
        LocalDate toDay = day(to, "to", errors);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.put("to", "The last day (" + toDay + ") is before the first (" + fromDay + ").");
        }
        model.addAttribute("user", user == null ? "" : user.strip());
        model.addAttribute("recordType", type == null ? "" : type);
        model.addAttribute("recordId", recordId == null ? "" : recordId.strip());
        model.addAttribute("from", from == null ? "" : from.strip());
        model.addAttribute("to", to == null ? "" : to.strip());
        model.addAttribute("recordTypes", RECORD_TYPES);
        model.addAttribute("errors", errors);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("entries", null);
            return "admin/audit";
        }
        model.addAttribute("entries", audit.find(new AuditLog.Filter(blankToNull(user), type,
                blankToNull(recordId), fromDay, toDay), Math.max(0, page), SIZE));
        return "admin/audit";
    }

    private static LocalDate day(String text, String field, Map<String, String> errors) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.put(field, "'" + value + "' is not a day (yyyy-mm-dd).");
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
