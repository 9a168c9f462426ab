package org.claimbridge.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.claimbridge.encounter.EncounterDetails;
import org.claimbridge.practice.Practice;
import org.claimbridge.practice.PracticeDirectory;
import org.claimbridge.scrub.CoderQueue;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The coders' work queue: flagged encounters (not cancelled, not held), filtered by practice, primary payer, rule
 * and age, sorted by amount or age either way, 50 to a page; the database does the filtering, sorting and paging
 * ({@link CoderQueue}). A filter value that cannot be read is said next to the form, and the queue shown unfiltered
 * by it.
 */
@Controller
class CoderQueuePage implements Page {

    static final String PATH = "/queue";
    static final int PAGE_SIZE = 50;

    /** The sort choices, as the {@code sort} parameter spells them. */
    static final Map<String, CoderQueue.Sort> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("amount-desc", CoderQueue.Sort.AMOUNT_DESC);
        SORTS.put("amount-asc", CoderQueue.Sort.AMOUNT_ASC);
        SORTS.put("age-desc", CoderQueue.Sort.AGE_DESC);
        SORTS.put("age-asc", CoderQueue.Sort.AGE_ASC);
    }

    private final CoderQueue queue;
    private final PracticeDirectory practices;

    CoderQueuePage(CoderQueue queue, PracticeDirectory practices) {
        this.queue = queue;
        this.practices = practices;
    }

    record Option(String value, String label) {
    }

    /** One line of the queue, as shown. */
    record QueueRow(CoderQueue.Entry entry, String practice, String patient, String payer) {
    }

    @GetMapping(PATH)
    String queue(@RequestParam(name = "practice", required = false) String practice,
                 @RequestParam(name = "payer", required = false) String payer,
                 @RequestParam(name = "rule", required = false) String rule,
                 @RequestParam(name = "age", required = false) String age,
                 @RequestParam(name = "sort", required = false) String sort,
                 @RequestParam(name = "page", required = false) String page, Model model) {
        List<String> errors = new ArrayList<>();
        Long practiceId = number(practice, "Practice", "a practice id", errors);
        Long minAge = number(age, "Age", "a number of days, 0 or more", errors);
        Long pageNumber = number(page, "Page", "a page number from 1", errors);
        if (pageNumber != null && pageNumber < 1) {
            errors.add("Page: '" + page + "' is not a page number from 1");
            pageNumber = null;
        }
        String sortKey = blank(sort) ? "amount-desc" : sort.strip().toLowerCase(Locale.ROOT);
        if (!SORTS.containsKey(sortKey)) {
            errors.add("Sort: '" + sort + "' is not one of " + String.join(", ", SORTS.keySet()));
            sortKey = "amount-desc";
        }
        CoderQueue.Filter filter = new CoderQueue.Filter(practiceId, blank(payer) ? null : payer.strip(),
                blank(rule) ? null : rule.strip(), minAge == null ? null : Math.toIntExact(Math.min(minAge, 100_000)),
                SORTS.get(sortKey), pageNumber == null ? 0 : Math.toIntExact(pageNumber - 1), PAGE_SIZE);
        CoderQueue.Result result = queue.find(filter);
        CoderQueue.Options options = queue.options();

        Map<Long, String> practiceNames = new HashMap<>();
        List<Option> practiceOptions = options.practiceIds().stream()
                .map(id -> new Option(String.valueOf(id), practiceName(id, practiceNames))).toList();
        List<Option> payerOptions = options.payers().stream()
                .map(p -> new Option(p.id(), payerLabel(p.id(), p.name()))).toList();
        List<QueueRow> rows = result.entries().stream().map(e -> new QueueRow(e,
                practiceName(e.practiceId(), practiceNames), patient(e.patientLastName(), e.patientFirstName()),
                e.payerId() == null ? "" : payerLabel(e.payerId(), e.payerName()))).toList();

        model.addAttribute("rows", rows);
        model.addAttribute("result", result);
        model.addAttribute("errors", errors);
        model.addAttribute("practices", practiceOptions);
        model.addAttribute("payers", payerOptions);
        model.addAttribute("rules", options.rules());
        model.addAttribute("ages", List.of(new Option("7", "7 days or more"), new Option("14", "14 days or more"),
                new Option("30", "30 days or more"), new Option("60", "60 days or more"),
                new Option("90", "90 days or more")));
        model.addAttribute("sorts", List.of(new Option("amount-desc", "Amount, largest first"),
                new Option("amount-asc", "Amount, smallest first"), new Option("age-desc", "Age, oldest first"),
                new Option("age-asc", "Age, newest first")));
        model.addAttribute("practice", practiceId == null ? "" : String.valueOf(practiceId));
        model.addAttribute("payer", filter.payerId() == null ? "" : filter.payerId());
        model.addAttribute("rule", filter.ruleId() == null ? "" : filter.ruleId());
        model.addAttribute("age", minAge == null ? "" : String.valueOf(filter.minAgeDays()));
        model.addAttribute("sort", sortKey);
        model.addAttribute("page", filter.page() + 1);
        return "queue/list";
    }

    private String practiceName(long id, Map<Long, String> names) {
        return names.computeIfAbsent(id, k -> practices.find(k).map(Practice::name).orElse("practice " + k));
    }

    private static String payerLabel(String id, String name) {
        return name == null || name.isBlank() ? id : name + " (" + id + ")";
    }

    private static Long number(String value, String field, String what, List<String> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(field + ": '" + value + "' is not " + what);
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String patient(String last, String first) {
        String f = first == null ? "" : first;
        String l = last == null ? "" : last;
        return f.isEmpty() ? l : l + ", " + f;
    }

    static String patient(EncounterDetails.Patient p) {
        return p == null ? "" : patient(p.lastName(), p.firstName());
    }

    /** A line that goes on the claim: not a credit, not negative, not reversed by a credit. */
    static boolean billed(EncounterDetails.Charge c) {
        return !"CD".equals(c.transactionType()) && !(c.amount() != null && c.amount().signum() < 0)
                && !"REVERSED".equals(c.status());
    }
}
