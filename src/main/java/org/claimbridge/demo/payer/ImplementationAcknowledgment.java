package org.claimbridge.demo.payer;

import java.util.List;

import static org.claimbridge.demo.payer.ResponseInterchange.composite;

/**
 * The 999 (005010X231A1): one transaction set per 837 functional group, one AK2 per 837 transaction set. An accepted
 * set gets IK5*A; a rejected one gets its error as IK3 (segment, position in the set, loop, "8" segment has data
 * element errors), a CTX naming the claim (CLM01) so the sender can tell which claim it was, IK4 (element position,
 * data element number, error code, the bad value) and IK5*R*5 (one or more segments in error). AK9 counts the group:
 * A all accepted, P some, R none.
 */
final class ImplementationAcknowledgment {

    static final String GUIDE = "005010X231A1";

    private ImplementationAcknowledgment() {
    }

    /** One 837 group and the verdict on each of its transaction sets. */
    record GroupVerdicts(Submission.Group group, List<SyntaxEdits.Verdict> verdicts) {
        long accepted() {
            return verdicts.stream().filter(SyntaxEdits.Verdict::accepted).count();
        }
    }

    static byte[] write(ResponseInterchange out, List<GroupVerdicts> groups) {
        out.startGroup("FA", GUIDE);
        for (GroupVerdicts answered : groups) {
            Submission.Group group = answered.group();
            out.startSet("999", GUIDE);
            out.segment("AK1", group.functionalId(), group.control(), group.version());
            for (SyntaxEdits.Verdict verdict : answered.verdicts()) {
                Submission.TransactionSet set = verdict.set();
                out.segment("AK2", set.id(), set.control(), set.reference());
                SyntaxEdits.SegmentError error = verdict.error();
                if (error == null) {
                    out.segment("IK5", "A");
                    continue;
                }
                out.segment("IK3", error.segment(), String.valueOf(error.position()), error.loop(), "8");
                // cast: a lone String[] would otherwise be taken as the varargs array itself
                out.segment("CTX", (Object) composite("CLM01", error.claim()));
                out.segment("IK4", composite(String.valueOf(error.element()),
                                error.component() > 0 ? String.valueOf(error.component()) : null),
                        error.dataElement(), error.code(), error.badData());
                out.segment("IK5", "R", "5");
            }
            long accepted = answered.accepted();
            int received = answered.verdicts().size();
            String code = accepted == received ? "A" : accepted == 0 ? "R" : "P";
            out.segment("AK9", code, String.valueOf(group.declaredSets()), String.valueOf(received),
                    String.valueOf(accepted));
            out.endSet();
        }
        out.endGroup();
        return out.finish();
    }
}
