package org.claimbridge.remit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.claimbridge.claim.ClaimResponses;
import org.claimbridge.claim.ClaimStatus;
import org.springframework.stereotype.Component;

/**
 * Applies a 999 (005010X231A1): each AK2/IK5 answers for one of our transaction sets, and so for one claim; an AK9
 * without AK2 answers for the whole group. Accepted (IK5 A, or E: accepted with errors) moves the claim to ACCEPTED;
 * rejected to REJECTED with the IK3/IK4 detail.
 */
@Component
class Acknowledgment999 {

    private static final Map<String, String> SEGMENT_ERRORS = Map.ofEntries(
            Map.entry("1", "unrecognized segment"), Map.entry("2", "unexpected segment"),
            Map.entry("3", "required segment missing"), Map.entry("4", "loop occurs over maximum times"),
            Map.entry("5", "segment exceeds maximum use"), Map.entry("6", "segment not in defined transaction set"),
            Map.entry("7", "segment not in proper sequence"), Map.entry("8", "segment has data element errors"),
            Map.entry("I4", "segment not used in the implementation present"),
            Map.entry("I6", "implementation dependent segment missing"),
            Map.entry("I7", "implementation loop occurs under minimum times"),
            Map.entry("I8", "implementation segment below minimum use"),
            Map.entry("I9", "implementation dependent not used segment present"));
    private static final Map<String, String> ELEMENT_ERRORS = Map.ofEntries(
            Map.entry("1", "required data element missing"), Map.entry("2", "conditional required data element missing"),
            Map.entry("3", "too many data elements"), Map.entry("4", "data element too short"),
            Map.entry("5", "data element too long"), Map.entry("6", "invalid character in data element"),
            Map.entry("7", "invalid code value"), Map.entry("8", "invalid date"), Map.entry("9", "invalid time"),
            Map.entry("10", "exclusion condition violated"), Map.entry("12", "too many repetitions"),
            Map.entry("13", "too many components"), Map.entry("I6", "code value not used in implementation"),
            Map.entry("I9", "implementation dependent data element missing"),
            Map.entry("I10", "implementation not used data element present"),
            Map.entry("I11", "implementation too few repetitions"),
            Map.entry("I12", "implementation pattern match failure"),
            Map.entry("I13", "implementation dependent not used data element present"));

    private final ClaimResponses claims;
    private final ResponseRecords records;

    Acknowledgment999(ClaimResponses claims, ResponseRecords records) {
        this.claims = claims;
        this.records = records;
    }

    /** @return what it did, for the response's summary */
    String apply(X12Transaction transaction, long responseId, String actor) {
        String group = null;
        String set = null;
        List<String> detail = new ArrayList<>();
        int answered = 0;
        List<String> outcome = new ArrayList<>();
        for (X12Segment s : transaction.segments()) {
            switch (s.tag()) {
                case "AK1" -> group = s.get(2);
                case "AK2" -> {
                    set = s.get(2);
                    detail.clear();
                }
                case "IK3" -> detail.add("segment " + s.get(1) + " at position " + s.get(2)
                        + (s.get(3).isEmpty() ? "" : " in loop " + s.get(3)) + ": "
                        + SEGMENT_ERRORS.getOrDefault(s.get(4), "error " + s.get(4)));
                case "IK4" -> detail.add("element " + s.composite(1) + (s.get(2).isEmpty() ? "" : " (" + s.get(2)
                        + ")") + ": " + ELEMENT_ERRORS.getOrDefault(s.get(3), "error " + s.get(3))
                        + (s.get(4).isEmpty() ? "" : ", value '" + s.get(4) + "'"));
                case "IK5" -> {
                    answered++;
                    outcome.add(answer(group, set, s, List.copyOf(detail), responseId, actor));
                    set = null;
                }
                case "AK9" -> {
                    if (answered == 0 && group != null) {
                        // no AK2: the group's answer is every transaction set's answer
                        for (ClaimResponses.ClaimRef claim : claims.byGroup(group)) {
                            outcome.add(record(claim, s.get(1), codes(s, 5), List.of(), responseId, actor));
                        }
                    }
                }
                default -> {
                }
            }
        }
        return "999 for group " + group + ": " + String.join("; ", outcome);
    }

    private String answer(String group, String set, X12Segment ik5, List<String> detail, long responseId,
                          String actor) {
        var claim = group == null || set == null ? java.util.Optional.<ClaimResponses.ClaimRef>empty()
                : claims.byTransactionSet(group, set);
        if (claim.isEmpty()) {
            return "ST02 " + set + " of GS06 " + group + " is none of our claims";
        }
        return record(claim.get(), ik5.get(1), codes(ik5, 2), detail, responseId, actor);
    }

    private String record(ClaimResponses.ClaimRef claim, String code, String errorCodes, List<String> detail,
                          long responseId, String actor) {
        boolean accepted = code.equals("A") || code.equals("E");
        String codes = code + (errorCodes.isEmpty() ? "" : " " + errorCodes);
        String text = String.join("; ", detail);
        records.acknowledgment(claim.claimId(), responseId, "999", accepted, codes, text, null);
        String reason = accepted ? "999 accepted its transaction set (" + codes + ")"
                : "999 rejected its transaction set (" + codes + ")" + (text.isEmpty() ? "" : ": " + text);
        claims.advance(claim, accepted ? ClaimStatus.ACCEPTED : ClaimStatus.REJECTED, actor, reason);
        return claim.patientControlNumber() + " " + (accepted ? "accepted" : "rejected");
    }

    private static String codes(X12Segment s, int from) {
        List<String> codes = new ArrayList<>();
        for (int i = from; i < from + 5; i++) {
            if (!s.get(i).isEmpty()) {
                codes.add(s.get(i));
            }
        }
        return String.join(",", codes);
    }
}
