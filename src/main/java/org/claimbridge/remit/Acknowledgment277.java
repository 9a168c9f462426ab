package org.claimbridge.remit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.claimbridge.claim.ClaimResponses;
import org.claimbridge.claim.ClaimStatus;
import org.springframework.stereotype.Component;

/**
 * Applies a 277CA (005010X214): each claim-level status (loop 2200D: TRN*2 with our CLM01, STC, REF*1K) moves its
 * claim to ACKNOWLEDGED (category A1/A2) or REJECTED (A3/A4/A6/A7/A8), and the payer's claim control number is kept
 * for replacements and voids.
 */
@Component
class Acknowledgment277 {

    /** Claim status categories that mean the payer took the claim in. */
    private static final Set<String> ACCEPTED = Set.of("A0", "A1", "A2", "A5");
    /** ...and those that mean it was sent back. */
    private static final Set<String> REJECTED = Set.of("A3", "A4", "A6", "A7", "A8", "DR01", "DR02", "DR03",
            "DR04", "DR05", "DR06", "DR07", "DR08");

    private final ClaimResponses claims;
    private final ResponseRecords records;

    Acknowledgment277(ClaimResponses claims, ResponseRecords records) {
        this.claims = claims;
        this.records = records;
    }

    private static final class ClaimStatusLoop {
        String patientControlNumber;
        final List<X12Segment> statuses = new ArrayList<>();
        String payerClaimNumber;
        boolean lineLevel;
        /** 2220D: each line's status codes, and the line control number (REF*FJ) that names it */
        final List<String[]> lines = new ArrayList<>();
    }

    String apply(X12Transaction transaction, long responseId, String actor) {
        List<String> outcome = new ArrayList<>();
        ClaimStatusLoop current = null;
        boolean patientLevel = false;
        for (X12Segment s : transaction.segments()) {
            switch (s.tag()) {
                case "HL", "SE" -> {
                    if (current != null) {
                        outcome.add(finish(current, responseId, actor));
                        current = null;
                    }
                    // claims are reported under the patient level (HL03 PT); TRN*2 above it traces the batch
                    patientLevel = s.tag().equals("HL") && s.get(3).equals("PT");
                }
                case "TRN" -> {
                    if (patientLevel && s.get(1).equals("2")) {
                        current = new ClaimStatusLoop();
                        current.patientControlNumber = s.get(2);
                    }
                }
                case "SVC" -> {
                    if (current != null) {
                        current.lineLevel = true;
                        current.lines.add(new String[] {null, s.composite(1), ""});
                    }
                }
                case "STC" -> {
                    if (current != null && !current.lineLevel) {
                        current.statuses.add(s);
                    } else if (current != null) {
                        String[] line = current.lines.get(current.lines.size() - 1);
                        line[2] = (line[2].isEmpty() ? "" : line[2] + ",") + s.composite(1);
                    }
                }
                case "REF" -> {
                    if (current != null && !current.lineLevel && s.get(1).equals("1K")) {
                        current.payerClaimNumber = s.get(2);
                    } else if (current != null && current.lineLevel && s.get(1).equals("FJ")) {
                        current.lines.get(current.lines.size() - 1)[0] = s.get(2);
                    }
                }
                default -> {
                }
            }
        }
        return "277CA: " + String.join("; ", outcome);
    }

    private String finish(ClaimStatusLoop loop, long responseId, String actor) {
        Optional<ClaimResponses.ClaimRef> claim = claims.byPatientControlNumber(loop.patientControlNumber);
        if (claim.isEmpty()) {
            return "CLM01 " + loop.patientControlNumber + " is none of our claims";
        }
        if (loop.statuses.isEmpty()) {
            return loop.patientControlNumber + " has no claim status";
        }
        X12Segment stc = loop.statuses.get(0);
        String category = stc.component(1, 1);
        boolean accepted = ACCEPTED.contains(category);
        boolean rejected = REJECTED.contains(category);
        List<String> codes = new ArrayList<>();
        for (X12Segment s : loop.statuses) {
            codes.add(s.composite(1));
            if (!s.composite(10).isEmpty()) {
                codes.add(s.composite(10));
            }
            if (!s.composite(11).isEmpty()) {
                codes.add(s.composite(11));
            }
        }
        String text = stc.get(12);
        List<String> detail = new ArrayList<>();
        if (!text.isEmpty()) {
            detail.add(text);
        }
        java.util.Map<String, Integer> lineNumbers = loop.lines.isEmpty() ? java.util.Map.of()
                : claims.lineNumbers(claim.get().claimId());
        for (String[] line : loop.lines) {
            // REF*FJ echoes our line control number (REF*6R of the 837), which names the claim line
            Integer number = line[0] == null ? null : lineNumbers.get(line[0]);
            detail.add("line " + (number == null ? "?" : number) + " (" + line[1] + (line[0] == null ? ""
                    : ", " + line[0]) + "): " + line[2]);
        }
        records.acknowledgment(claim.get().claimId(), responseId, "277CA", accepted && !rejected,
                String.join(",", codes), detail.isEmpty() ? null : String.join("; ", detail), loop.payerClaimNumber);
        if (loop.payerClaimNumber != null && !loop.payerClaimNumber.isEmpty()) {
            claims.payerClaimNumber(claim.get(), loop.payerClaimNumber, actor);
        }
        String said = "277CA " + String.join(", ", codes) + (text.isEmpty() ? "" : ": " + text);
        if (rejected) {
            claims.advance(claim.get(), ClaimStatus.REJECTED, actor, said);
            return loop.patientControlNumber + " rejected (" + String.join(",", codes) + ")";
        }
        if (accepted) {
            claims.advance(claim.get(), ClaimStatus.ACKNOWLEDGED, actor, said);
            return loop.patientControlNumber + " acknowledged";
        }
        return loop.patientControlNumber + " status " + String.join(",", codes) + " recorded";
    }
}
