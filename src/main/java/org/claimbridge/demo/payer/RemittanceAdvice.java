package org.claimbridge.demo.payer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.claimbridge.demo.payer.ResponseInterchange.composite;

/**
 * The 835 (005010X221A1) of one payer: one transaction set per payee (billing provider NPI). Header: BPR (I with an
 * ACH payment, or H when nothing is paid), TRN*1 with the EFT trace number, the payer (1000A, with REF*2U its payer
 * id) and the payee (1000B, NPI and TIN). Then the claims, one LX per kind of facility, each CLP with its patient,
 * MOA or MIA remarks, dates and its lines (SVC with DTM, CAS, REF*6R echoing the line control number, AMT*B6 allowed,
 * LQ*HE remarks). Last, the provider-level adjustments (PLB), so that BPR02 = sum of CLP04 - sum of PLB04.
 */
final class RemittanceAdvice {

    static final String GUIDE = "005010X221A1";

    /** A PLB adjustment: positive takes money back from the provider, negative pays more. */
    record ProviderAdjustment(String reason, String reference, BigDecimal amount) {
    }

    /** Claim filing indicators the 835 guide has no code for, and the code that stands for them. */
    private static final Map<String, String> FILING_INDICATORS = Map.of("CI", "12", "BL", "12", "FI", "OF",
            "11", "ZZ");
    private static final Set<String> REMITTANCE_FILING_INDICATORS = Set.of("12", "13", "14", "15", "16", "17",
            "AM", "CH", "DS", "HM", "LM", "MA", "MB", "MC", "OF", "TV", "VA", "WC", "ZZ");
    /** Interest paid on a claim paid late: 1.5% of its payment. */
    private static final BigDecimal INTEREST = new BigDecimal("0.015");
    /** An overpayment recovered: a quarter of what an earlier claim was paid. */
    private static final BigDecimal RECOVERY = new BigDecimal("0.25");

    private final Draws draws;
    private final double providerAdjustmentRate;
    private final ClaimHistory history;

    RemittanceAdvice(Draws draws, double providerAdjustmentRate, ClaimHistory history) {
        this.draws = draws;
        this.providerAdjustmentRate = providerAdjustmentRate;
        this.history = history;
    }

    /** Writes the payer's group; the payments are in the order the claims came. */
    void write(ResponseInterchange out, Submission submission, Submission.Party payer, List<ClaimPayment> payments) {
        out.startGroup("HP", GUIDE);
        Map<String, List<ClaimPayment>> byPayee = new LinkedHashMap<>();
        for (ClaimPayment payment : payments) {
            byPayee.computeIfAbsent(payment.claim().billing().npi(), k -> new ArrayList<>()).add(payment);
        }
        for (List<ClaimPayment> payeePayments : byPayee.values()) {
            transaction(out, submission, payer, payeePayments);
        }
        out.endGroup();
    }

    private void transaction(ResponseInterchange out, Submission submission, Submission.Party payer,
                             List<ClaimPayment> payments) {
        String interchange = submission.envelope().control();
        Submission.BillingProvider payee = payments.get(0).claim().billing();
        LocalDate produced = out.at().toLocalDate();
        LocalDate received = submission.envelope().at().toLocalDate();
        BigDecimal net = payments.stream().map(ClaimPayment::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
        String trace = draws.digits(10, interchange, payer.id(), payee.npi(), "eft-trace");
        List<ProviderAdjustment> adjustments = providerAdjustments(submission, payer, payee, payments, net, trace);
        BigDecimal total = net.subtract(adjustments.stream().map(ProviderAdjustment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        String payerTin = "1" + draws.digits(9, payer.id(), "payer-tin");
        LocalDate effective = produced.plusDays(2);

        out.startSet("835", null);
        if (total.signum() > 0) {
            out.segment("BPR", "I", X12Values.amount(total), "C", "ACH", "CCP", "01",
                    draws.digits(9, payer.id(), "payer-bank"), "DA", draws.digits(10, payer.id(), "payer-account"),
                    payerTin, null, "01", draws.digits(9, payee.npi(), "payee-bank"), "DA",
                    draws.digits(10, payee.npi(), "payee-account"), X12Values.date(effective));
        } else {
            // nothing to pay: the remittance is a notification only
            out.segment("BPR", "H", "0", "C", "NON", null, null, null, null, null, null, null, null, null, null,
                    null, X12Values.date(effective));
        }
        out.segment("TRN", "1", trace, payerTin);
        out.segment("DTM", "405", X12Values.date(produced));
        out.segment("N1", "PR", payer.name());
        out.segment("N3", "PO BOX " + draws.digits(4, payer.id(), "payer-po-box"));
        out.segment("N4", "SPRINGFIELD", "IL", "62794");
        out.segment("REF", "2U", payer.id());
        out.segment("PER", "BL", "EDI SUPPORT", "TE", "8005550100");
        out.segment("N1", "PE", payee.name(), "XX", payee.npi());
        if (payee.addressLine() != null && payee.city() != null) {
            out.segment("N3", payee.addressLine());
            out.segment("N4", payee.city(), payee.state(), payee.postalCode());
        }
        if (payee.tin() != null) {
            out.segment("REF", "TJ", payee.tin());
        }

        int lx = 0;
        for (List<ClaimPayment> facility : byFacility(payments).values()) {
            out.segment("LX", String.valueOf(++lx));
            Submission.Claim first = facility.get(0).claim();
            if (first.institutional() && facility.stream().anyMatch(p -> "MA".equals(p.claim().filingIndicator()))) {
                // the provider summary Medicare Part A requires of a facility
                out.segment("TS3", payee.npi(), first.facilityCode(), fiscalYearEnd(produced),
                        String.valueOf(facility.size()), X12Values.amount(facility.stream()
                                .map(ClaimPayment::charge).reduce(BigDecimal.ZERO, BigDecimal::add)));
            }
            for (ClaimPayment payment : facility) {
                claim(out, payment, received);
            }
        }
        for (ProviderAdjustment adjustment : adjustments) {
            out.segment("PLB", payee.npi(), fiscalYearEnd(produced),
                    composite(adjustment.reason(), adjustment.reference()), X12Values.amount(adjustment.amount()));
        }
        out.endSet();
    }

    private static void claim(ResponseInterchange out, ClaimPayment payment, LocalDate received) {
        Submission.Claim claim = payment.claim();
        BigDecimal patient = payment.patientResponsibility();
        out.segment("CLP", payment.pcn(), payment.status(), X12Values.amount(payment.charge()),
                X12Values.amount(payment.paid()), patient.signum() == 0 ? null : X12Values.amount(patient),
                filingIndicator(claim.filingIndicator()), payment.payerClaimNumber(), claim.facilityCode(),
                claim.frequency());
        Submission.Person person = claim.patientOrSubscriber();
        Submission.Person subscriber = claim.subscriber();
        out.segment("NM1", "QC", "1", person.lastName(), person.firstName(), person.middleName(), null, null,
                "MI", subscriber.id());
        if (claim.patient() != null) {
            out.segment("NM1", "IL", "1", subscriber.lastName(), subscriber.firstName(), subscriber.middleName(),
                    null, null, "MI", subscriber.id());
        }
        List<String> remarks = payment.claimRemarks();
        if (!remarks.isEmpty()) {
            if (inpatient(claim)) {
                Object[] mia = new Object[23];
                mia[0] = String.valueOf(coveredDays(claim));
                mia[4] = remarks.get(0);
                for (int i = 1; i < remarks.size() && i < 5; i++) {
                    mia[18 + i] = remarks.get(i);
                }
                out.segment("MIA", mia);
            } else {
                Object[] moa = new Object[7];
                for (int i = 0; i < remarks.size() && i < 5; i++) {
                    moa[2 + i] = remarks.get(i);
                }
                out.segment("MOA", moa);
            }
        }
        if (payment.originalClaimNumber() != null) {
            out.segment("REF", "F8", payment.originalClaimNumber());
        }
        if (claim.institutional() && claim.statementFrom() != null) {
            out.segment("DTM", "232", X12Values.date(claim.statementFrom()));
            out.segment("DTM", "233", X12Values.date(claim.statementTo()));
        }
        out.segment("DTM", "050", X12Values.date(received));
        for (ClaimPayment.ServicePayment service : payment.services()) {
            service(out, claim, service);
        }
    }

    private static void service(ResponseInterchange out, Submission.Claim claim,
                                ClaimPayment.ServicePayment service) {
        Submission.ServiceLine line = service.line();
        String[] procedure;
        if (line.procedure() != null) {
            List<String> parts = new ArrayList<>(List.of(line.qualifier() == null ? "HC" : line.qualifier(),
                    line.procedure()));
            parts.addAll(line.modifiers());
            procedure = parts.toArray(String[]::new);
        } else {
            procedure = composite("NU", line.revenueCode());
        }
        String revenue = claim.institutional() && line.procedure() != null ? line.revenueCode() : null;
        String units = line.units().compareTo(BigDecimal.ONE) == 0 ? null : X12Values.amount(line.units());
        out.segment("SVC", procedure, X12Values.amount(service.charge()), X12Values.amount(service.paid()), revenue,
                units);
        if (line.servedFrom() != null) {
            if (line.servedTo() == null || line.servedTo().equals(line.servedFrom())) {
                out.segment("DTM", "472", X12Values.date(line.servedFrom()));
            } else {
                out.segment("DTM", "150", X12Values.date(line.servedFrom()));
                out.segment("DTM", "151", X12Values.date(line.servedTo()));
            }
        }
        // one CAS per group code, up to six reasons each
        Map<String, List<ClaimPayment.Adjustment>> byGroup = new LinkedHashMap<>();
        for (ClaimPayment.Adjustment adjustment : service.adjustments()) {
            byGroup.computeIfAbsent(adjustment.group(), g -> new ArrayList<>()).add(adjustment);
        }
        for (Map.Entry<String, List<ClaimPayment.Adjustment>> group : byGroup.entrySet()) {
            List<ClaimPayment.Adjustment> all = group.getValue();
            for (int from = 0; from < all.size(); from += 6) {
                List<Object> elements = new ArrayList<>(List.of(group.getKey()));
                for (ClaimPayment.Adjustment adjustment : all.subList(from, Math.min(all.size(), from + 6))) {
                    elements.add(adjustment.reason());
                    elements.add(X12Values.amount(adjustment.amount()));
                    elements.add(null);
                }
                out.segment("CAS", elements.toArray());
            }
        }
        if (line.controlNumber() != null) {
            out.segment("REF", "6R", line.controlNumber());
        }
        if (service.allowed().signum() != 0) {
            out.segment("AMT", "B6", X12Values.amount(service.allowed()));
        }
        for (String remark : service.remarks()) {
            out.segment("LQ", "HE", remark);
        }
    }

    /**
     * The PLBs of one remittance. A remittance whose reversals take back more than it pays carries the difference
     * forward (FB) rather than pay a negative amount; otherwise, by the provider adjustment rate, either interest on
     * one claim paid late (L6, paid to the provider) or the recovery of part of an overpayment on a claim paid in an
     * earlier remittance (WO, taken back, never more than this remittance pays).
     */
    private List<ProviderAdjustment> providerAdjustments(Submission submission, Submission.Party payer,
                                                         Submission.BillingProvider payee,
                                                         List<ClaimPayment> payments, BigDecimal net,
                                                         String trace) {
        String interchange = submission.envelope().control();
        if (net.signum() < 0) {
            return List.of(new ProviderAdjustment("FB", trace, net));
        }
        if (draws.uniform(interchange, payer.id(), payee.npi(), "plb") >= providerAdjustmentRate) {
            return List.of();
        }
        if (draws.uniform(interchange, payer.id(), payee.npi(), "plb-kind") < 0.5) {
            List<ClaimHistory.Entry> earlier = history.paidEarlier(payer.id(), payee.npi(),
                    submission.fileName());
            if (!earlier.isEmpty()) {
                ClaimHistory.Entry overpaid = earlier.get((int) (draws.uniform(interchange, payer.id(),
                        payee.npi(), "plb-claim") * earlier.size()));
                BigDecimal recovered = X12Values.share(overpaid.paid(), RECOVERY).min(net);
                if (recovered.signum() > 0) {
                    return List.of(new ProviderAdjustment("WO", overpaid.payerClaimNumber(), recovered));
                }
            }
        }
        List<ClaimPayment> paid = payments.stream().filter(p -> !p.reversal() && p.paid().signum() > 0).toList();
        if (paid.isEmpty()) {
            return List.of();
        }
        ClaimPayment late = paid.get((int) (draws.uniform(interchange, payer.id(), payee.npi(), "plb-claim")
                * paid.size()));
        BigDecimal interest = X12Values.share(late.paid(), INTEREST).max(new BigDecimal("0.01"));
        return List.of(new ProviderAdjustment("L6", late.payerClaimNumber(), interest.negate()));
    }

    /** Claims grouped as LX groups them: professional claims together, institutional ones by type of facility. */
    private static Map<String, List<ClaimPayment>> byFacility(List<ClaimPayment> payments) {
        Map<String, List<ClaimPayment>> groups = new LinkedHashMap<>();
        for (ClaimPayment payment : payments) {
            Submission.Claim claim = payment.claim();
            String key = claim.institutional() ? "I" + claim.facilityCode() : "P";
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(payment);
        }
        return groups;
    }

    static String filingIndicator(String claimFilingIndicator) {
        if (claimFilingIndicator == null) {
            return "ZZ";
        }
        String mapped = FILING_INDICATORS.getOrDefault(claimFilingIndicator, claimFilingIndicator);
        return REMITTANCE_FILING_INDICATORS.contains(mapped) ? mapped : "ZZ";
    }

    /** A type of bill whose second digit says inpatient (1 Part A, 2 Part B): MIA instead of MOA. */
    private static boolean inpatient(Submission.Claim claim) {
        String facility = claim.facilityCode();
        return claim.institutional() && facility != null && facility.length() == 2
                && (facility.charAt(1) == '1' || facility.charAt(1) == '2');
    }

    private static long coveredDays(Submission.Claim claim) {
        if (claim.statementFrom() == null || claim.statementTo() == null) {
            return 1;
        }
        return Math.max(1, ChronoUnit.DAYS.between(claim.statementFrom(), claim.statementTo()));
    }

    private static String fiscalYearEnd(LocalDate produced) {
        return produced.getYear() + "1231";
    }
}
