package org.claimbridge.claim;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a manager decides about an adjudicated claim: appeal it, write off what was not paid, or close it. */
@Service
public class ClaimActions {

    /** A decision the claim's state does not allow, or one without a reason. */
    public static class ClaimActionRefused extends RuntimeException {
        ClaimActionRefused(String message) {
            super(message);
        }
    }

    private static final Map<ClaimStatus, Set<ClaimStatus>> ALLOWED_FROM = Map.of(
            ClaimStatus.APPEALED, Set.of(ClaimStatus.DENIED, ClaimStatus.PARTIALLY_PAID),
            ClaimStatus.WRITTEN_OFF, Set.of(ClaimStatus.DENIED, ClaimStatus.PARTIALLY_PAID, ClaimStatus.REJECTED,
                    ClaimStatus.APPEALED),
            ClaimStatus.CLOSED, Set.of(ClaimStatus.PAID, ClaimStatus.PARTIALLY_PAID, ClaimStatus.DENIED,
                    ClaimStatus.REJECTED, ClaimStatus.APPEALED, ClaimStatus.WRITTEN_OFF));

    private final JdbcClient jdbc;
    private final ClaimRecords records;
    private final Clock clock;

    ClaimActions(JdbcClient jdbc, ClaimRecords records, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.clock = clock;
    }

    /** @return false when there is no such claim */
    @Transactional
    public boolean decide(long claimId, ClaimStatus to, String user, String reason) {
        Set<ClaimStatus> from = ALLOWED_FROM.get(to);
        if (from == null) {
            throw new ClaimActionRefused(to + " is not a decision: choose APPEALED, WRITTEN_OFF or CLOSED");
        }
        if (reason == null || reason.isBlank()) {
            throw new ClaimActionRefused("a reason is required to mark a claim " + to);
        }
        var current = jdbc.sql("SELECT status FROM claim WHERE id = ? FOR UPDATE").param(claimId)
                .query((rs, n) -> ClaimStatus.valueOf(rs.getString(1))).optional();
        if (current.isEmpty()) {
            return false;
        }
        if (!from.contains(current.get())) {
            throw new ClaimActionRefused("claim " + claimId + " is " + current.get() + ": it can be marked " + to
                    + " only when it is " + from.stream().map(Enum::name).sorted().toList());
        }
        jdbc.sql("UPDATE claim SET status = ?, status_reason = ? WHERE id = ?")
                .params(to.name(), ClaimRecords.cut(reason), claimId).update();
        List<Object[]> transition = new ArrayList<>();
        transition.add(new Object[] {claimId, current.get().name(), to.name(), ClaimRecords.cut("user " + user, 80),
            ClaimRecords.cut(reason), LocalDateTime.now(clock)});
        records.transitions(transition);
        return true;
    }
}
