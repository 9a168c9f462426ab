package org.claimbridge.demo.payer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The clearinghouse's implementation-guide edits, as the 999 reports them: each transaction set is accepted, or
 * (by the reject rate) rejected for one error in one of its claims, pointed at by segment, position, loop and element
 * the way a real 999 points (IK3/IK4). The errors are ones a payer-specific edit could find in good data: a member id
 * that does not match the payer's pattern, a filing indicator or a code the payer does not take.
 */
final class SyntaxEdits {

    /** One IK3/IK4 pair: where the error is and what it is. */
    record SegmentError(String claim, String segment, int position, String loop, int element, int component,
                        String dataElement, String code, String badData, String why) {
    }

    /** The 999's word on one transaction set: accepted when {@code error} is null. */
    record Verdict(Submission.TransactionSet set, SegmentError error) {
        boolean accepted() {
            return error == null;
        }
    }

    private final Draws draws;
    private final double rejectRate;

    SyntaxEdits(Draws draws, double rejectRate) {
        this.draws = draws;
        this.rejectRate = rejectRate;
    }

    List<Verdict> check(String interchange, Submission.Group group) {
        List<Verdict> verdicts = new ArrayList<>();
        for (Submission.TransactionSet set : group.sets()) {
            String[] about = {interchange, group.control(), set.control()};
            SegmentError error = null;
            if (!set.claims().isEmpty() && draws.uniform(join(about, "999")) < rejectRate) {
                Submission.Claim claim = set.claims().get(
                        (int) (draws.uniform(join(about, "999-claim")) * set.claims().size()));
                List<SegmentError> possible = possibleErrors(claim);
                if (!possible.isEmpty()) {
                    error = possible.get((int) (draws.uniform(join(about, "999-error")) * possible.size()));
                }
            }
            verdicts.add(new Verdict(set, error));
        }
        return verdicts;
    }

    private static List<SegmentError> possibleErrors(Submission.Claim claim) {
        List<SegmentError> errors = new ArrayList<>();
        if (claim.memberSpot() != null && claim.subscriber() != null && claim.subscriber().id() != null) {
            errors.add(new SegmentError(claim.pcn(), "NM1", claim.memberSpot().position(), "2010BA", 9, 0, "67",
                    "I12", claim.subscriber().id(), "subscriber member id does not match the payer's pattern"));
        }
        if (claim.subscriberSpot() != null && claim.filingIndicator() != null) {
            errors.add(new SegmentError(claim.pcn(), "SBR", claim.subscriberSpot().position(), "2000B", 9, 0,
                    "1032", "7", claim.filingIndicator(), "claim filing indicator not valid for this payer"));
        }
        if (claim.diagnosisSpot() != null && claim.diagnosis() != null) {
            errors.add(new SegmentError(claim.pcn(), "HI", claim.diagnosisSpot().position(), "2300", 1, 2, "1271",
                    "7", claim.diagnosis(), "principal diagnosis code not valid on the date of service"));
        }
        for (Submission.ServiceLine line : claim.lines()) {
            if (line.procedure() != null) {
                boolean institutional = "SV2".equals(line.spot().tag());
                errors.add(new SegmentError(claim.pcn(), line.spot().tag(), line.spot().position(), "2400",
                        institutional ? 2 : 1, 2, "234", "7", line.procedure(),
                        "procedure code not valid on the date of service"));
                break;
            }
        }
        return errors;
    }

    private static String[] join(String[] about, String question) {
        String[] all = Arrays.copyOf(about, about.length + 1);
        all[about.length] = question;
        return all;
    }
}
