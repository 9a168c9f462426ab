package org.claimbridge.web;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.claimbridge.remit.DenialReport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Denial reports for managers: claims adjudicated and denied, the denial rate and the money, by payer, practice,
 * rendering provider, CARC, category or month over a range of days; the trend by month; the top CARCs; the denied
 * claims behind every line; and each of them as CSV. The filter chain keeps {@code /reports/**} to managers and
 * admins.
 */
@Controller
class DenialReportPage implements Page {

    static final String PATH = "/reports/denials";

    /** How the dimension select names each choice; the provider is the one the data holds. */
    static final Map<String, String> DIMENSIONS = dimensions();

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();

    private final DenialReport report;
    private final Clock clock;

    DenialReportPage(DenialReport report, Clock clock) {
        this.report = report;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String report(@RequestParam(name = "by", required = false) String by,
                  @RequestParam(name = "from", required = false) String from,
                  @RequestParam(name = "to", required = false) String to, Model model, HttpServletResponse response) {
        DenialReportParameters asked = form(by, from, to, model);
        if (!asked.valid()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "denials/report";
        }
        DenialReport.Range range = asked.range();
        List<DenialReport.Month> trend = report.trend(range);
        model.addAttribute("totals", report.totals(range));
        model.addAttribute("groups", report.groups(asked.dimension(), range));
        model.addAttribute("topCarcs", report.topCarcs(range, 10));
        model.addAttribute("trend", chart(trend));
        return "denials/report";
    }

    @GetMapping(PATH + ".csv")
    void reportCsv(@RequestParam(name = "by", required = false) String by,
                   @RequestParam(name = "from", required = false) String from,
                   @RequestParam(name = "to", required = false) String to, HttpServletResponse response)
            throws IOException {
        DenialReportParameters asked = DenialReportParameters.read(by, from, to, LocalDate.now(clock));
        if (!asked.valid()) {
            refuse(response, asked.errors());
            return;
        }
        DenialReport.Range range = asked.range();
        try (CSVPrinter csv = csv(response, "denials-by-" + asked.by() + "-" + range.from() + "-to-" + range.to())) {
            csv.printRecord(asked.by(), "label", "claims_adjudicated", "claims_denied", "denial_rate_percent",
                    "amount_billed", "amount_denied");
            for (DenialReport.Group g : report.groups(asked.dimension(), range)) {
                csv.printRecord(g.value(), g.label(), g.adjudicated(), g.denied(), text(g.rate()), g.billed(),
                        g.deniedAmount());
            }
        }
    }

    @GetMapping(PATH + "/claims")
    String claims(@RequestParam(name = "by", required = false) String by,
                  @RequestParam(name = "value", required = false) String value,
                  @RequestParam(name = "from", required = false) String from,
                  @RequestParam(name = "to", required = false) String to,
                  @RequestParam(name = "page", defaultValue = "0") int page, Model model,
                  HttpServletResponse response) {
        DenialReportParameters asked = form(by, from, to, model);
        List<String> errors = errors(asked, value);
        model.addAttribute("value", value == null ? "" : value);
        if (!errors.isEmpty()) {
            model.addAttribute("errors", errors);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "denials/claims";
        }
        model.addAttribute("group", report.groups(asked.dimension(), asked.range()).stream()
                .filter(g -> g.value().equals(value)).findFirst().orElse(null));
        model.addAttribute("claims", report.claims(asked.dimension(), value, asked.range(), page));
        return "denials/claims";
    }

    @GetMapping(PATH + "/claims.csv")
    void claimsCsv(@RequestParam(name = "by", required = false) String by,
                   @RequestParam(name = "value", required = false) String value,
                   @RequestParam(name = "from", required = false) String from,
                   @RequestParam(name = "to", required = false) String to, HttpServletResponse response)
            throws IOException {
        DenialReportParameters asked = DenialReportParameters.read(by, from, to, LocalDate.now(clock));
        List<String> errors = errors(asked, value);
        if (!errors.isEmpty()) {
            refuse(response, errors);
            return;
        }
        DenialReport.Range range = asked.range();
        try (CSVPrinter csv = csv(response, "denied-claims-" + asked.by() + "-" + value.replaceAll("[^A-Za-z0-9-]",
                "_") + "-" + range.from() + "-to-" + range.to())) {
            csv.printRecord("claim_id", "patient_control_number", "status", "payer_id", "payer_name", "practice_id",
                    "practice", "rendering_npi", "rendering_provider", "adjudicated_on", "amount_billed",
                    "amount_paid", "amount_denied", "reasons");
            report.eachClaim(asked.dimension(), value, range, c -> {
                try {
                    csv.printRecord(c.claimId(), c.patientControlNumber(), c.status(), c.payerId(), c.payerName(),
                            c.practiceId(), c.practiceName(), c.renderingNpi(), c.renderingName(), c.adjudicatedOn(),
                            c.billed(), c.paid(), c.deniedAmount(), c.reasons());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    /** Reads the request and puts what the form shows back into the model. */
    private DenialReportParameters form(String by, String from, String to, Model model) {
        DenialReportParameters asked = DenialReportParameters.read(by, from, to, LocalDate.now(clock));
        model.addAttribute("asked", asked);
        model.addAttribute("dimensions", DIMENSIONS);
        model.addAttribute("dimensionName", DIMENSIONS.getOrDefault(asked.by(), asked.by()));
        model.addAttribute("errors", asked.errors());
        return asked;
    }

    private static List<String> errors(DenialReportParameters asked, String value) {
        List<String> errors = new ArrayList<>(asked.errors());
        if (asked.dimension() != null) {
            DenialReport.invalidValue(asked.dimension(), value).ifPresent(errors::add);
        }
        return errors;
    }

    /** The trend as the chart script reads it: one entry per month, in order. */
    static Map<String, Object> chart(List<DenialReport.Month> trend) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("months", trend.stream().map(m -> m.month().toString()).toList());
        chart.put("adjudicated", trend.stream().map(DenialReport.Month::adjudicated).toList());
        chart.put("denied", trend.stream().map(DenialReport.Month::denied).toList());
        chart.put("rate", trend.stream().map(m -> Optional.ofNullable(m.rate()).map(BigDecimal::doubleValue)
                .orElse(null)).toList());
        chart.put("deniedAmount", trend.stream().map(m -> m.deniedAmount().doubleValue()).toList());
        return chart;
    }

    private static CSVPrinter csv(HttpServletResponse response, String name) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(name + ".csv").build().toString());
        Writer out = response.getWriter();
        return new CSVPrinter(out, CSV);
    }

    private static void refuse(HttpServletResponse response, List<String> errors) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(String.join("\n", errors) + "\n");
    }

    private static String text(BigDecimal rate) {
        return rate == null ? "" : rate.toPlainString();
    }

    private static Map<String, String> dimensions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("payer", "Payer");
        d.put("practice", "Practice");
        d.put("provider", "Rendering provider (attending, PV1-7)");
        d.put("carc", "Adjustment reason (CARC)");
        d.put("category", "Denial category");
        d.put("month", "Month");
        return java.util.Collections.unmodifiableMap(d);
    }
}
