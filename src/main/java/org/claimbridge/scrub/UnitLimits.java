package org.claimbridge.scrub;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Medically unlikely edits (MUE): the most units of a code one provider bills for one patient on one date of
 * service. Adjudication indicator 1 is a line edit (each line on its own); 2 (policy) and 3 (clinical) are
 * date-of-service edits, so the units of every line with that code on that date are added up.
 */
final class UnitLimits implements EditTable {

    static final List<String> COLUMNS = List.of("code", "max_units", "adjudication_indicator", "rationale");

    /** @param adjudicationIndicator MAI: 1 line, 2 date of service (policy), 3 date of service (clinical) */
    record Limit(String code, int maxUnits, int adjudicationIndicator, String rationale) {
    }

    private final Map<String, Limit> byCode;

    private UnitLimits(Map<String, Limit> byCode) {
        this.byCode = byCode;
    }

    static UnitLimits of(String file, List<EditCsv.Row> rows, String ruleId, List<RuleFileError> errors) {
        Map<String, Limit> byCode = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (EditCsv.Row row : rows) {
            try {
                String code = EditCsv.procedure(row.get(0), "code");
                Integer first = lineOf.putIfAbsent(code, row.line());
                if (first != null) {
                    throw new EditCsv.BadValue("code " + code + " is listed again (first on line " + first + ")");
                }
                int max = EditCsv.integer(row.get(1), "max_units", 0, 100_000);
                int mai = EditCsv.integer(row.get(2), "adjudication_indicator", 1, 3);
                byCode.put(code, new Limit(code, max, mai, row.get(3).isEmpty() ? null : row.get(3)));
            } catch (EditCsv.BadValue e) {
                errors.add(new RuleFileError(file, row.line(), ruleId, e.getMessage()));
            }
        }
        return new UnitLimits(byCode);
    }

    @Override
    public List<EditHit> hits(ClaimContext claim, Edit edit) {
        List<EditHit> hits = new ArrayList<>();
        Map<String, List<ClaimContext.Charge>> byCodeAndDate = new LinkedHashMap<>();
        for (ClaimContext.Charge charge : claim.charges() == null ? List.<ClaimContext.Charge>of() : claim.charges()) {
            Limit limit = charge.code() == null || !charge.billed() ? null : byCode.get(charge.code());
            if (limit == null) {
                continue;
            }
            if (limit.adjudicationIndicator() == 1) {
                BigDecimal units = units(charge);
                if (units.compareTo(BigDecimal.valueOf(limit.maxUnits())) > 0) {
                    hits.add(hit(charge, limit, units, List.of(charge.line())));
                }
            } else {
                byCodeAndDate.computeIfAbsent(charge.code() + "|" + charge.serviceDate(), k -> new ArrayList<>())
                        .add(charge);
            }
        }
        byCodeAndDate.values().forEach(lines -> {
            BigDecimal units = lines.stream().map(UnitLimits::units).reduce(BigDecimal.ZERO, BigDecimal::add);
            ClaimContext.Charge last = lines.get(lines.size() - 1);
            Limit limit = byCode.get(last.code());
            if (units.compareTo(BigDecimal.valueOf(limit.maxUnits())) > 0) {
                hits.add(hit(last, limit, units, lines.stream().map(ClaimContext.Charge::line).toList()));
            }
        });
        hits.sort(java.util.Comparator.comparingInt(EditHit::line));
        return hits;
    }

    // a line sent without units is one unit, as the claim will carry it
    private static BigDecimal units(ClaimContext.Charge charge) {
        return charge.units() == null ? BigDecimal.ONE : charge.units();
    }

    private static EditHit hit(ClaimContext.Charge charge, Limit limit, BigDecimal units, List<Integer> lines) {
        return new EditHit(charge.line(), charge, Map.of("limit", limit, "units", units.stripTrailingZeros()
                .toPlainString(), "lines", lines));
    }

    @Override
    public EditHit sample(ClaimContext claim) {
        if (claim.charges() == null || claim.charges().isEmpty()) {
            return null;
        }
        ClaimContext.Charge charge = claim.charges().get(0);
        return hit(charge, new Limit("99213", 1, 2, "Code descriptor"), new BigDecimal(2),
                List.of(charge.line()));
    }

    /** The limit of a code, or null. */
    Limit limit(String code) {
        return byCode.get(code);
    }
}
