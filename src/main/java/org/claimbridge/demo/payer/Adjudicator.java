package org.claimbridge.demo.payer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Adjudicates an accepted claim line by line, with money in BigDecimal cents:
 * <ul>
 *   <li>CO-45 takes the contractual share of each charge, leaving the allowed amount;</li>
 *   <li>the patient owes part of the allowed amount: now and then a PR-1 deductible, a PR-3 copay on a commercial
 *   plan's office visit, otherwise PR-2 coinsurance; Medicaid leaves nothing to the patient;</li>
 *   <li>by the denial rate the claim gets a denial from the CARC mix: of the whole claim (CLP02 4) for reasons about
 *   the patient or the claim (31 not our insured, 29 timely filing), else of one line, whose charge is adjusted in
 *   full under the CARC, with its RARCs.</li>
 * </ul>
 * Every draw depends on the seed, the interchange and the CLM01 only, so the same claim in the same file is always
 * adjudicated the same way, which is also how a reversal finds again what was paid.
 */
final class Adjudicator {

    /** Share of claims where the patient's deductible is not met yet. */
    private static final double DEDUCTIBLE_SHARE = 0.1;
    /** Part of a line's allowed amount that goes to the deductible when it applies. */
    private static final BigDecimal DEDUCTIBLE_PART = new BigDecimal("0.5");
    private static final BigDecimal OFFICE_VISIT_COPAY = new BigDecimal("25.00");
    private static final Set<String> MEDICARE = Set.of("MA", "MB", "16");
    private static final String MEDICAID = "MC";

    private final Draws draws;
    private final double denialRate;
    private final BigDecimal contractualRate;
    private final BigDecimal coinsuranceRate;
    private final DenialReasons reasons;

    Adjudicator(Draws draws, PayerSimulatorProperties properties) {
        this.draws = draws;
        this.denialRate = properties.denialRate();
        this.contractualRate = properties.contractualRate();
        this.coinsuranceRate = properties.coinsuranceRate();
        this.reasons = new DenialReasons(properties);
    }

    ClaimPayment adjudicate(String interchange, Submission.Claim claim, String payerClaimNumber) {
        DenialReasons.Denial denial = null;
        int deniedLine = -1;
        if (draws.uniform(interchange, claim.pcn(), "denial") < denialRate) {
            denial = reasons.draw(draws.uniform(interchange, claim.pcn(), "carc"), claim.lines().size() == 1);
            if (!denial.wholeClaim() && claim.lines().size() > 1) {
                // a bundled service (97) is never the first, primary, line
                int first = "97".equals(denial.carc()) ? 1 : 0;
                deniedLine = first + (int) (draws.uniform(interchange, claim.pcn(), "denied-line")
                        * (claim.lines().size() - first));
            }
        }
        boolean deductible = !MEDICAID.equals(claim.filingIndicator())
                && draws.uniform(interchange, claim.pcn(), "deductible") < DEDUCTIBLE_SHARE;
        boolean copayTaken = false;
        List<ClaimPayment.ServicePayment> services = new ArrayList<>();
        for (int i = 0; i < claim.lines().size(); i++) {
            Submission.ServiceLine line = claim.lines().get(i);
            boolean denied = denial != null && (deniedLine < 0 || deniedLine == i);
            if (denied) {
                services.add(new ClaimPayment.ServicePayment(line, line.charge(), BigDecimal.ZERO.setScale(2),
                        BigDecimal.ZERO.setScale(2),
                        List.of(new ClaimPayment.Adjustment(denial.group(), denial.carc(), line.charge())),
                        denial.lineRemarks()));
                continue;
            }
            List<ClaimPayment.Adjustment> adjustments = new ArrayList<>();
            BigDecimal contractual = X12Values.share(line.charge(), contractualRate);
            add(adjustments, "CO", "45", contractual);
            BigDecimal allowed = line.charge().subtract(contractual);
            BigDecimal owed = allowed;
            if (deductible) {
                BigDecimal toDeductible = X12Values.share(owed, DEDUCTIBLE_PART);
                add(adjustments, "PR", "1", toDeductible);
                owed = owed.subtract(toDeductible);
                deductible = false;
            }
            if (!MEDICAID.equals(claim.filingIndicator())) {
                if (!copayTaken && commercial(claim) && !claim.institutional() && officeVisit(line)) {
                    add(adjustments, "PR", "3", owed.min(OFFICE_VISIT_COPAY));
                    copayTaken = true;
                } else {
                    add(adjustments, "PR", "2", X12Values.share(owed, coinsuranceRate));
                }
            }
            BigDecimal adjusted = adjustments.stream().map(ClaimPayment.Adjustment::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            services.add(new ClaimPayment.ServicePayment(line, line.charge(), allowed,
                    line.charge().subtract(adjusted), List.copyOf(adjustments), List.of()));
        }
        boolean allDenied = services.stream().allMatch(s -> s.paid().signum() == 0 && s.allowed().signum() == 0);
        List<String> claimRemarks = new ArrayList<>();
        if (MEDICARE.contains(claim.filingIndicator())) {
            // Medicare's alert that the decision can be appealed, on every remittance
            claimRemarks.add("MA01");
        }
        if (denial != null) {
            claimRemarks.addAll(denial.claimRemarks());
        }
        String status = allDenied && denial != null ? "4" : sequenceStatus(claim.payerSequence());
        return new ClaimPayment(claim, claim.pcn(), status, payerClaimNumber,
                "7".equals(claim.frequency()) ? claim.originalClaimNumber() : null, List.copyOf(services),
                List.copyOf(claimRemarks), denial == null ? null : denial.carc());
    }

    private static void add(List<ClaimPayment.Adjustment> adjustments, String group, String reason,
                            BigDecimal amount) {
        if (amount.signum() != 0) {
            adjustments.add(new ClaimPayment.Adjustment(group, reason, amount));
        }
    }

    /** CLP02 for a processed claim: as primary, secondary or tertiary, by the 837's SBR01. */
    private static String sequenceStatus(String payerSequence) {
        return switch (String.valueOf(payerSequence)) {
            case "S" -> "2";
            case "T" -> "3";
            default -> "1";
        };
    }

    private static boolean commercial(Submission.Claim claim) {
        return !MEDICARE.contains(claim.filingIndicator()) && !MEDICAID.equals(claim.filingIndicator());
    }

    /** Evaluation and management codes 99202 to 99499: the visits a copay is for. */
    private static boolean officeVisit(Submission.ServiceLine line) {
        String code = line.procedure();
        return code != null && code.matches("99[2-4]\\d\\d");
    }
}
