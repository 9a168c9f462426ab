package org.claimbridge.remit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.claimbridge.scrub.RuleSets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money at risk: claims whose answer is overdue (no 999 after {@code claimbridge.remit.expect-999}, no 277CA after
 * {@code expect-277ca}, no 835 after {@code expect-835}) and claims that wait for a correction (rejected or denied),
 * each with the payer's timely-filing deadline and the days left to it, riskiest first: the most money per day left.
 */
@Service
@Transactional(readOnly = true)
public class ClaimClocks {

    private final JdbcClient jdbc;
    private final RuleSets rules;
    private final RemitProperties properties;
    private final Clock clock;

    ClaimClocks(JdbcClient jdbc, RuleSets rules, RemitProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * One claim past a clock.
     *
     * @param waitingFor   what is late: 999, 277CA, 835, or CORRECTION for a rejected or denied claim
     * @param deadline     the last day the payer takes the claim (service date + timely-filing days), or null
     *                     when the payer has no profile
     * @param daysLeft     to the deadline; negative when past it
     */
    public record AtRisk(long claimId, String patientControlNumber, String payerId, String status,
                         BigDecimal amount, String waitingFor, long hoursWaiting, LocalDate deadline, Long daysLeft) {
    }

    public List<AtRisk> atRisk(int limit) {
        LocalDateTime now = LocalDateTime.now(clock);
        List<AtRisk> risks = new ArrayList<>();
        jdbc.sql("""
                        SELECT id, patient_control_number, payer_id, status, total_charge, written_at, service_from
                        FROM claim
                        WHERE (status = 'SUBMITTED' AND written_at < :no999)
                           OR (status IN ('SUBMITTED', 'ACCEPTED') AND written_at < :no277)
                           OR (status IN ('SUBMITTED', 'ACCEPTED', 'ACKNOWLEDGED') AND written_at < :no835)
                           OR status IN ('REJECTED', 'DENIED')""")
                .param("no999", now.minus(properties.expect999()))
                .param("no277", now.minus(properties.expect277ca()))
                .param("no835", now.minus(properties.expect835()))
                .query(rs -> {
                    String status = rs.getString("status");
                    LocalDateTime written = rs.getObject("written_at", LocalDateTime.class);
                    LocalDate service = rs.getObject("service_from", LocalDate.class);
                    String payer = rs.getString("payer_id");
                    long hours = written == null ? 0 : Duration.between(written, now).toHours();
                    String waiting = switch (status) {
                        case "REJECTED", "DENIED" -> "CORRECTION";
                        case "ACKNOWLEDGED" -> "835";
                        case "ACCEPTED" -> hours >= properties.expect835().toHours() ? "835" : "277CA";
                        default -> hours >= properties.expect835().toHours() ? "835"
                                : hours >= properties.expect277ca().toHours() ? "277CA" : "999";
                    };
                    LocalDate deadline = service == null ? null : rules.timelyFilingDays(payer, service)
                            .map(service::plusDays).orElse(null);
                    Long left = deadline == null ? null : ChronoUnit.DAYS.between(now.toLocalDate(), deadline);
                    risks.add(new AtRisk(rs.getLong("id"), rs.getString("patient_control_number"), payer, status,
                            rs.getBigDecimal("total_charge"), waiting, hours, deadline, left));
                });
        risks.sort(Comparator.comparing(ClaimClocks::risk).reversed());
        return risks.subList(0, Math.min(limit, risks.size()));
    }

    /** Money per day left to the deadline; a claim past it or without one counts as one day left. */
    private static BigDecimal risk(AtRisk r) {
        long days = r.daysLeft() == null ? 1 : Math.max(1, r.daysLeft());
        return r.amount().divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_UP);
    }
}
