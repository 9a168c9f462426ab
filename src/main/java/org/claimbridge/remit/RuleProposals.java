package org.claimbridge.remit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.claimbridge.codes.Code;
import org.claimbridge.codes.CodeSet;
import org.claimbridge.codes.CodeSets;
import org.claimbridge.scrub.RuleDryRun;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When the same adjustment reason keeps hitting the same payer and procedure code, a scrub rule that would have
 * caught it before the claim went out: written in the {@code claim-rules/} format and tried at once with the dry
 * run, for a manager to read, adjust and add. Never applied on its own.
 */
@Service
public class RuleProposals {

    private final JdbcClient jdbc;
    private final RuleDryRun dryRun;
    private final CodeSets codes;
    private final Clock clock;
    private final int threshold;
    private final int days;

    RuleProposals(JdbcClient jdbc, RuleDryRun dryRun, CodeSets codes, Clock clock,
                  @Value("${claimbridge.remit.propose-after:3}") int threshold,
                  @Value("${claimbridge.remit.propose-within-days:90}") int days) {
        this.jdbc = jdbc;
        this.dryRun = dryRun;
        this.codes = codes;
        this.clock = clock;
        this.threshold = threshold;
        this.days = days;
    }

    /**
     * A proposed rule and what it would flag today.
     *
     * @param pattern  payer, CARC and procedure code (empty for claim-level denials) the denials share
     * @param yaml     a rule file in the claim-rules format
     * @param impact   the dry run of that file on the encounters of the last {@code days} days
     */
    public record Proposal(String payerId, String carc, String procedureCode, int denials, BigDecimal amount,
                           String category, String yaml, RuleDryRun.Report impact) {
    }

    @Transactional(readOnly = true)
    public List<Proposal> current() {
        LocalDateTime since = LocalDateTime.now(clock).minusDays(days);
        List<Proposal> proposals = new ArrayList<>();
        jdbc.sql("""
                        SELECT d.payer_id, d.carc, d.category, COALESCE(l.procedure_code, '') AS code,
                               COUNT(*) AS n, SUM(d.amount) AS amount
                        FROM denial d LEFT JOIN claim_line l ON l.claim_id = d.claim_id AND l.line_number = d.line_number
                        WHERE d.at >= ? AND d.payer_id IS NOT NULL
                        GROUP BY d.payer_id, d.carc, d.category, COALESCE(l.procedure_code, '')
                        HAVING COUNT(*) >= ?
                        ORDER BY SUM(d.amount) DESC""")
                .params(since, threshold)
                .query(rs -> {
                    String payer = rs.getString("payer_id");
                    String carc = rs.getString("carc");
                    String code = rs.getString("code");
                    String category = rs.getString("category");
                    int n = rs.getInt("n");
                    String yaml = yaml(payer, carc, code, category, n);
                    proposals.add(new Proposal(payer, carc, code, n, rs.getBigDecimal("amount"), category, yaml,
                            null));
                });
        return proposals.stream().map(p -> new Proposal(p.payerId(), p.carc(), p.procedureCode(), p.denials(),
                p.amount(), p.category(), p.yaml(), dryRun.run("proposed-" + p.carc() + ".yaml", p.yaml(), days)))
                .toList();
    }

    private String yaml(String payer, String carc, String code, String category, int n) {
        String reason = codes.latest(CodeSet.CARC, carc).map(Code::description).orElse("CARC " + carc);
        String id = ("PROPOSED-" + payer + "-" + carc + (code.isEmpty() ? "" : "-" + code))
                .toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9._-]", "-");
        String what = "Payer " + payer + " denied " + n + " claim(s)" + (code.isEmpty() ? "" : " with " + code)
                + " for CARC " + carc + " (" + reason + ") in the last " + days + " days";
        boolean authorization = category.equals("authorization");
        String condition = authorization ? "#blank(subscriber?.authorizationNumber)" : "true";
        String fix = authorization ? "Get the prior authorization and put it in IN1-14 before the claim goes out."
                : "Check the " + category + " of this line against the payer's policy before the claim goes out.";
        StringBuilder y = new StringBuilder();
        y.append("# Proposed from denials; review, adjust and move into claim-rules/ to use it.\n");
        y.append("family: proposed\n");
        y.append("rules:\n");
        y.append("  - id: ").append(id).append('\n');
        y.append("    description: ").append(quote(what)).append('\n');
        y.append("    severity: warning\n");
        if (code.isEmpty()) {
            y.append("    when: ").append(quote("subscriber?.payerId == '" + payer + "'")).append('\n');
            y.append("    field: subscriber.payerId\n");
        } else {
            y.append("    for: charges\n");
            y.append("    when: ").append(quote("#charge.billed() && subscriber?.payerId == '" + payer
                    + "' && #charge.code == '" + code + "'")).append('\n');
            y.append("    field: code\n");
        }
        y.append("    condition: ").append(quote(condition)).append('\n');
        y.append("    message: ").append(quote(what.replace("#", "") + ": this claim looks the same")).append('\n');
        y.append("    fix: ").append(quote(fix)).append('\n');
        return y.toString();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
