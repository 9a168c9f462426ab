package org.claimbridge.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.claimbridge.remit.DenialReport;

/**
 * The denial report's request as a manager types it: the dimension and the range of days, with defaults (by payer,
 * the current month and the eleven before it, up to today) and an error naming the field for anything unreadable.
 *
 * @param from   as entered (or the default), so the form shows it back
 * @param errors empty when {@code by} and {@code range} can be used
 */
record DenialReportParameters(String by, String from, String to, DenialReport.Dimension dimension,
                              DenialReport.Range range, List<String> errors) {

    static DenialReportParameters read(String by, String from, String to, LocalDate today) {
        List<String> errors = new ArrayList<>();
        String byText = blank(by) ? DenialReport.Dimension.PAYER.key() : by.trim();
        DenialReport.Dimension dimension = DenialReport.Dimension.of(byText).orElse(null);
        if (dimension == null) {
            errors.add("by: '" + byText + "' is not one of " + Arrays.stream(DenialReport.Dimension.values())
                    .map(DenialReport.Dimension::key).collect(Collectors.joining(", ")));
        }
        LocalDate toDate = blank(to) ? today : date("to", to, errors);
        LocalDate fromDate = blank(from) ? (toDate == null ? today : toDate).withDayOfMonth(1).minusMonths(11)
                : date("from", from, errors);
        DenialReport.Range range = null;
        if (fromDate != null && toDate != null) {
            if (toDate.isBefore(fromDate)) {
                errors.add("to: " + toDate + " is before from " + fromDate);
            } else {
                range = new DenialReport.Range(fromDate, toDate);
            }
        }
        return new DenialReportParameters(byText, blank(from) ? String.valueOf(fromDate) : from.trim(),
                blank(to) ? String.valueOf(toDate) : to.trim(), dimension, range, List.copyOf(errors));
    }

    boolean valid() {
        return errors.isEmpty();
    }

    private static LocalDate date(String field, String text, List<String> errors) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.add(field + ": '" + text.trim() + "' is not a date (yyyy-mm-dd)");
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
