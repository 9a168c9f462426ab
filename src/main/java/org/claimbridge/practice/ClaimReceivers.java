package org.claimbridge.practice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Who claim files are sent to, who they are from, and per payer how a claim is filed ({@code claimbridge.claims.*}).
 * Everything is checked at start-up, all problems in one message, so that a wrong envelope is never found out
 * by a clearinghouse rejecting a day's claims.
 */
@Service
public class ClaimReceivers {

    private static final Logger log = LoggerFactory.getLogger(ClaimReceivers.class);

    /** SBR09 when a payer has no setting: commercial insurance. */
    public static final String DEFAULT_FILING_INDICATOR = "CI";

    /** ISA05/ISA07 interchange id qualifiers of the 5010 837 implementation guides. */
    static final Set<String> QUALIFIERS = Set.of("01", "14", "20", "27", "28", "29", "30", "33", "ZZ");

    /** SBR09 claim filing indicator codes of the 5010 837 implementation guides. */
    static final Set<String> FILING_INDICATORS = Set.of("11", "12", "13", "14", "15", "16", "17", "AM", "BL", "CH",
            "CI", "DS", "FI", "HM", "LM", "MA", "MB", "MC", "OF", "TV", "VA", "WC", "ZZ");

    /**
     * Used when no receiver is configured, so that a fresh installation still writes (test) files. The guide wants a
     * way to reach the submitter (1000A PER): a mailbox under the reserved .invalid domain marks it as a stand-in.
     */
    static final Submitter DEFAULT_SUBMITTER = new Submitter("claimbridge", "ZZ", "CLAIMBRIDGE", "CLAIMBRIDGE",
            "claimbridge", "", "billing@claimbridge.invalid");
    static final Receiver DEFAULT_RECEIVER = new Receiver("CLEARINGHOUSE", "Clearinghouse", "ZZ", "CLEARINGHOUSE",
            "CLEARINGHOUSE", "CLEARINGHOUSE", 'T', Delimiters.STANDARD, List.of(Receiver.ANY_PAYER));

    private static final Pattern RECEIVER_ID = Pattern.compile("[A-Za-z0-9_-]{1,20}");
    private static final String PREFIX = "claimbridge.claims.";

    private final Submitter submitter;
    private final List<Receiver> receivers;
    private final Map<String, Receiver> byPayer = new HashMap<>();
    private final Receiver anyPayer;
    private final Map<String, String> filingIndicators = new HashMap<>();

    ClaimReceivers(ClaimSubmissionProperties properties) {
        List<String> problems = new ArrayList<>();
        if (properties.receivers().isEmpty()) {
            this.submitter = properties.submitter() == null ? DEFAULT_SUBMITTER
                    : submitter(properties.submitter(), problems);
            this.receivers = List.of(DEFAULT_RECEIVER);
            log.warn("No claimbridge.claims.receivers configured: claim files are addressed to the test receiver {}"
                    + " (usage T) from submitter {}", DEFAULT_RECEIVER.id(), submitter.id());
        } else {
            if (properties.submitter() == null) {
                problems.add(PREFIX + "submitter: is required with receivers (name and id, as the receivers know"
                        + " the billing company)");
                this.submitter = DEFAULT_SUBMITTER;
            } else {
                this.submitter = submitter(properties.submitter(), problems);
            }
            List<Receiver> configured = new ArrayList<>();
            for (int i = 0; i < properties.receivers().size(); i++) {
                configured.add(receiver(i, properties.receivers().get(i), problems));
            }
            this.receivers = List.copyOf(configured);
        }
        this.anyPayer = route(problems);
        for (Receiver receiver : receivers) {
            checkDelimitersNotInValues(receiver, problems);
        }
        filingIndicators(properties.payers(), problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Claim submission settings are not valid:\n  "
                    + String.join("\n  ", problems));
        }
    }

    /** The billing company as sender of the claim files. */
    public Submitter submitter() {
        return submitter;
    }

    /** Every receiver, in configuration order; the default test receiver when none is configured. */
    public List<Receiver> all() {
        return receivers;
    }

    /**
     * The receiver a payer's claims go to: the one listing the payer id, else the one for every payer ({@code "*"}).
     *
     * @throws NoReceiverException when neither exists, or the claim has no payer id
     */
    public Receiver forPayer(String payerId) {
        if (payerId == null || payerId.isBlank()) {
            throw new NoReceiverException(payerId);
        }
        Receiver receiver = byPayer.get(payerId);
        if (receiver != null) {
            return receiver;
        }
        if (anyPayer != null) {
            return anyPayer;
        }
        throw new NoReceiverException(payerId);
    }

    /** SBR09 for a payer's claims: as configured under {@code claimbridge.claims.payers}, else {@code CI}. */
    public String filingIndicator(String payerId) {
        String configured = payerId == null ? null : filingIndicators.get(payerId);
        return configured == null ? DEFAULT_FILING_INDICATOR : configured;
    }

    /** Every payer with a configured SBR09 ({@code claimbridge.claims.payers}), by payer id. */
    public java.util.SortedMap<String, String> filingIndicators() {
        return java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(filingIndicators));
    }

    private static Submitter submitter(ClaimSubmissionProperties.SubmitterSettings s, List<String> problems) {
        String at = PREFIX + "submitter.";
        length(problems, at + "name", s.name(), 1, 60);
        qualifier(problems, at + "id-qualifier", s.idQualifier());
        length(problems, at + "id", s.id(), 1, 15);
        String applicationCode = blank(s.applicationCode()) ? s.id() : s.applicationCode();
        length(problems, at + "application-code", applicationCode, 2, 15);
        if (s.contactName().length() > 60) {
            problems.add(at + "contact-name: is longer than 60 characters");
        }
        if (!s.contactPhone().isEmpty() && !s.contactPhone().matches("[0-9]{1,256}")) {
            problems.add(at + "contact-phone '" + s.contactPhone() + "': digits only, e.g. 2175550100");
        }
        if (!s.contactEmail().isEmpty() && !s.contactEmail().contains("@")) {
            problems.add(at + "contact-email '" + s.contactEmail() + "': is not an email address");
        }
        if (s.contactPhone().isEmpty() && s.contactEmail().isEmpty()) {
            // 1000A PER03/PER04: a claim file without a way to reach its submitter is refused by the guide
            problems.add(at + "contact-phone or contact-email: at least one is required (loop 1000A PER)");
        }
        return new Submitter(s.name(), s.idQualifier(), s.id(), applicationCode, s.contactName(), s.contactPhone(),
                s.contactEmail());
    }

    private static Receiver receiver(int index, ClaimSubmissionProperties.ReceiverSettings r, List<String> problems) {
        String at = PREFIX + "receivers[" + index + "].";
        if (r.id() == null || !RECEIVER_ID.matcher(r.id()).matches()) {
            problems.add(at + "id '" + r.id() + "': 1 to 20 letters, digits, _ or - (it is used in file names)");
        }
        String name = blank(r.name()) ? r.id() : r.name();
        length(problems, at + "name", name, 1, 60);
        qualifier(problems, at + "id-qualifier", r.idQualifier());
        length(problems, at + "interchange-id", r.interchangeId(), 1, 15);
        String applicationCode = blank(r.applicationCode()) ? r.interchangeId() : r.applicationCode();
        length(problems, at + "application-code", applicationCode, 2, 15);
        String nm1Id = blank(r.nm1Id()) ? r.interchangeId() : r.nm1Id();
        length(problems, at + "nm1-id", nm1Id, 2, 80);
        if (!"T".equals(r.usage()) && !"P".equals(r.usage())) {
            problems.add(at + "usage '" + r.usage() + "': T (test) or P (production)");
        }
        Delimiters delimiters = delimiters(at + "delimiters.", r.delimiters(), problems);
        List<String> payers = r.payers() == null ? List.of() : r.payers();
        if (payers.isEmpty()) {
            problems.add(at + "payers: none listed; list payer ids, or \"*\" for every payer not listed elsewhere");
        }
        for (int p = 0; p < payers.size(); p++) {
            if (blank(payers.get(p))) {
                problems.add(at + "payers[" + p + "]: is empty");
            }
        }
        char usage = r.usage() == null || r.usage().isEmpty() ? 'T' : r.usage().charAt(0);
        return new Receiver(r.id(), name, r.idQualifier(), r.interchangeId(), applicationCode, nm1Id, usage,
                delimiters, payers.stream().filter(p -> !blank(p)).toList());
    }

    private static Delimiters delimiters(String at, ClaimSubmissionProperties.DelimiterSettings d,
                                         List<String> problems) {
        char segment = delimiter(problems, at + "segment", d.segment());
        char element = delimiter(problems, at + "element", d.element());
        char component = delimiter(problems, at + "component", d.component());
        char repetition = delimiter(problems, at + "repetition", d.repetition());
        boolean allRead = segment != 0 && element != 0 && component != 0 && repetition != 0;
        if (allRead && new HashSet<>(List.of(segment, element, component, repetition)).size() != 4) {
            problems.add(at.substring(0, at.length() - 1) + ": segment '" + segment + "', element '" + element
                    + "', component '" + component + "' and repetition '" + repetition + "' must all differ");
        }
        return new Delimiters(segment, element, component, repetition);
    }

    /** The delimiter, or 0 with a problem added. */
    private static char delimiter(List<String> problems, String at, String value) {
        if (value == null || value.length() != 1) {
            problems.add(at + " '" + value + "': must be a single character");
            return 0;
        }
        char c = value.charAt(0);
        if (Character.isLetterOrDigit(c) || c == ' ') {
            problems.add(at + " '" + value + "': a letter, digit or space would be read as data");
            return 0;
        }
        return c;
    }

    /** Indexes the receivers by payer; returns the one for every payer, if any. */
    private Receiver route(List<String> problems) {
        Receiver any = null;
        Map<String, Receiver> seenIds = new HashMap<>();
        for (Receiver receiver : receivers) {
            if (receiver.id() != null) {
                Receiver before = seenIds.putIfAbsent(receiver.id().toLowerCase(Locale.ROOT), receiver);
                if (before != null) {
                    problems.add(PREFIX + "receivers: id " + receiver.id() + " is used twice (file names would"
                            + " mix them up)");
                }
            }
            for (String payer : receiver.payers()) {
                if (Receiver.ANY_PAYER.equals(payer)) {
                    if (any == null) {
                        any = receiver;
                    } else {
                        problems.add(PREFIX + "receivers: " + (any == receiver ? receiver.id() + " lists \"*\" twice"
                                : "both " + any.id() + " and " + receiver.id() + " take every payer (\"*\");"
                                        + " only one may"));
                    }
                    continue;
                }
                Receiver other = byPayer.putIfAbsent(payer, receiver);
                if (other != null) {
                    problems.add(PREFIX + "receivers: payer " + payer + " is listed under "
                            + (other == receiver ? receiver.id() + " twice" : "both " + other.id() + " and "
                                    + receiver.id()));
                }
            }
        }
        return any;
    }

    /** A value holding one of the receiver's delimiters would split the segment it is written into. */
    private void checkDelimitersNotInValues(Receiver receiver, List<String> problems) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("submitter.name", submitter.name());
        values.put("submitter.id", submitter.id());
        values.put("submitter.application-code", submitter.applicationCode());
        values.put("submitter.contact-name", submitter.contactName());
        values.put("submitter.contact-email", submitter.contactEmail());
        int index = receivers.indexOf(receiver);
        String at = "receivers[" + index + "].";
        values.put(at + "name", receiver.name());
        values.put(at + "interchange-id", receiver.interchangeId());
        values.put(at + "application-code", receiver.applicationCode());
        values.put(at + "nm1-id", receiver.nm1Id());
        Delimiters d = receiver.delimiters();
        Map<Character, String> delimiters = new LinkedHashMap<>();
        delimiters.put(d.segment(), "segment terminator");
        delimiters.put(d.element(), "element separator");
        delimiters.put(d.component(), "component separator");
        delimiters.put(d.repetition(), "repetition separator");
        values.forEach((key, value) -> {
            if (value == null) {
                return;
            }
            delimiters.forEach((c, what) -> {
                if (c != 0 && value.indexOf(c) >= 0) {
                    problems.add(PREFIX + key + " '" + value + "': contains '" + c + "', the " + what
                            + " of receiver " + receiver.id());
                }
            });
        });
    }

    private void filingIndicators(List<ClaimSubmissionProperties.PayerSettings> payers, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < payers.size(); i++) {
            ClaimSubmissionProperties.PayerSettings payer = payers.get(i);
            String at = PREFIX + "payers[" + i + "].";
            if (blank(payer.id())) {
                problems.add(at + "id: is empty");
                continue;
            }
            if (!seen.add(payer.id())) {
                problems.add(at + "id: payer " + payer.id() + " is configured twice");
                continue;
            }
            if (payer.filingIndicator() == null || !FILING_INDICATORS.contains(payer.filingIndicator())) {
                problems.add(at + "filing-indicator '" + payer.filingIndicator() + "' (payer " + payer.id()
                        + "): not an SBR09 claim filing indicator code; one of "
                        + FILING_INDICATORS.stream().sorted().toList());
                continue;
            }
            filingIndicators.put(payer.id(), payer.filingIndicator());
        }
    }

    private static void qualifier(List<String> problems, String at, String value) {
        if (value == null || !QUALIFIERS.contains(value)) {
            problems.add(at + " '" + value + "': not an interchange id qualifier; one of "
                    + QUALIFIERS.stream().sorted().toList());
        }
    }

    private static void length(List<String> problems, String at, String value, int min, int max) {
        if (value == null || value.length() < min || value.length() > max) {
            problems.add(at + " '" + (value == null ? "" : value) + "': must be " + min + " to " + max
                    + " characters");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
