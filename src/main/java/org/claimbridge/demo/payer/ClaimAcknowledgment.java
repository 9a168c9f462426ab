package org.claimbridge.demo.payer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.claimbridge.demo.payer.ResponseInterchange.composite;

/**
 * The 277CA (005010X214): one transaction set per 837 transaction set the 999 accepted, so that the receiver level
 * traces back to that set's BHT03. Inside, the hierarchy of the guide: information source (the payer, 2000A, with
 * the dates received and processed), information receiver (the 837's submitter, 2000B), billing provider (2000C) and
 * patient (2000D), each level with its status and its accepted and rejected counts and amounts. Each claim's 2200D
 * carries TRN*2 with its CLM01, its status (STC), REF*1K with the payer claim control number when accepted, REF*BLT
 * with the type of bill for an institutional claim, and its dates of service.
 */
final class ClaimAcknowledgment {

    static final String GUIDE = "005010X214";

    private ClaimAcknowledgment() {
    }

    /** The claims of one accepted 837 transaction set, with the 277CA's verdict on each. */
    record SetVerdicts(Submission.TransactionSet set, List<ClaimEdits.Verdict> verdicts) {
    }

    static void write(ResponseInterchange out, LocalDate received, SetVerdicts answered) {
        LocalDate processed = out.at().toLocalDate();
        String set = out.startSet("277", GUIDE);
        out.segment("BHT", "0085", "08", out.control() + set, X12Values.date(processed),
                out.at().format(X12Values.TIME), "TH");
        int hl = 0;
        for (List<ClaimEdits.Verdict> byPayer : groupBy(answered.verdicts(), v -> v.claim().payer()).values()) {
            Submission.Party payer = byPayer.get(0).claim().payer();
            int source = ++hl;
            out.segment("HL", String.valueOf(source), null, "20", "1");
            out.segment("NM1", "PR", "2", payer.name(), null, null, null, null, "PI", payer.id());
            out.segment("TRN", "1", out.control() + set + source);
            out.segment("DTP", "050", "D8", X12Values.date(received));
            out.segment("DTP", "009", "D8", X12Values.date(processed));

            int receiver = ++hl;
            Submission.Party submitter = answered.set().submitter();
            out.segment("HL", String.valueOf(receiver), String.valueOf(source), "21", "1");
            out.segment("NM1", "41", "2", submitter.name(), null, null, null, null, "46", submitter.id());
            out.segment("TRN", "2", answered.set().batch());
            out.segment("STC", composite("A1", "19", "PR"), X12Values.date(processed), "WQ",
                    X12Values.amount(total(byPayer)));
            totals(out, byPayer, "90", "AA");

            for (List<ClaimEdits.Verdict> byProvider : groupBy(byPayer, v -> v.claim().billing().npi()).values()) {
                Submission.BillingProvider billing = byProvider.get(0).claim().billing();
                int provider = ++hl;
                out.segment("HL", String.valueOf(provider), String.valueOf(receiver), "19", "1");
                out.segment("NM1", "85", "2", billing.name(), null, null, null, null, "XX", billing.npi());
                out.segment("TRN", "1", billing.npi());
                out.segment("STC", composite("A1", "19", "PR"), null, "WQ", X12Values.amount(total(byProvider)));
                if (billing.tin() != null) {
                    out.segment("REF", "TJ", billing.tin());
                }
                totals(out, byProvider, "QA", "QC");

                for (ClaimEdits.Verdict verdict : byProvider) {
                    claim(out, processed, ++hl, provider, verdict);
                }
            }
        }
        out.endSet();
    }

    private static void claim(ResponseInterchange out, LocalDate processed, int hl, int provider,
                              ClaimEdits.Verdict verdict) {
        Submission.Claim claim = verdict.claim();
        Submission.Person patient = claim.patientOrSubscriber();
        out.segment("HL", String.valueOf(hl), String.valueOf(provider), "PT");
        out.segment("NM1", "QC", "1", patient.lastName(), patient.firstName(), patient.middleName(), null, null,
                "MI", claim.subscriber().id());
        out.segment("TRN", "2", claim.pcn());
        List<String> statuses = verdict.statuses();
        out.segment("STC", composite(statuses.get(0).split(":")), X12Values.date(processed),
                verdict.accepted() ? "WQ" : "U", X12Values.amount(claim.charge()), null, null, null, null, null,
                statuses.size() > 1 ? composite(statuses.get(1).split(":")) : null,
                statuses.size() > 2 ? composite(statuses.get(2).split(":")) : null);
        if (verdict.accepted()) {
            out.segment("REF", "1K", verdict.payerClaimNumber());
        }
        if (claim.institutional() && claim.facilityCode() != null) {
            out.segment("REF", "BLT", claim.facilityCode() + claim.frequency());
        }
        LocalDate from = claim.servedFrom();
        LocalDate to = claim.servedTo();
        if (from != null) {
            boolean oneDay = to == null || to.equals(from);
            out.segment("DTP", "472", oneDay ? "D8" : "RD8",
                    oneDay ? X12Values.date(from) : X12Values.date(from) + "-" + X12Values.date(to));
        }
    }

    /** QTY and AMT of a level: how many claims and how much was accepted and rejected (only what is not zero). */
    private static void totals(ResponseInterchange out, List<ClaimEdits.Verdict> verdicts, String acceptedQualifier,
                               String rejectedQualifier) {
        List<ClaimEdits.Verdict> accepted = verdicts.stream().filter(ClaimEdits.Verdict::accepted).toList();
        List<ClaimEdits.Verdict> rejected = verdicts.stream().filter(v -> !v.accepted()).toList();
        if (!accepted.isEmpty()) {
            out.segment("QTY", acceptedQualifier, String.valueOf(accepted.size()));
        }
        if (!rejected.isEmpty()) {
            out.segment("QTY", rejectedQualifier, String.valueOf(rejected.size()));
        }
        if (!accepted.isEmpty()) {
            out.segment("AMT", "YU", X12Values.amount(total(accepted)));
        }
        if (!rejected.isEmpty()) {
            out.segment("AMT", "YY", X12Values.amount(total(rejected)));
        }
    }

    private static BigDecimal total(List<ClaimEdits.Verdict> verdicts) {
        return verdicts.stream().map(v -> v.claim().charge()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static <K> Map<K, List<ClaimEdits.Verdict>> groupBy(List<ClaimEdits.Verdict> verdicts,
                                                               Function<ClaimEdits.Verdict, K> key) {
        Map<K, List<ClaimEdits.Verdict>> groups = new LinkedHashMap<>();
        for (ClaimEdits.Verdict verdict : verdicts) {
            groups.computeIfAbsent(key.apply(verdict), k -> new ArrayList<>()).add(verdict);
        }
        return groups;
    }
}
