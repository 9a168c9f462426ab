package org.claimbridge.demo.payer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small 837P files in the shape claimbridge writes them (one ST per claim, CLM01 like {@code 12-1}, REF*6R
 * {@code 12-1-1} per line), in any separators.
 */
final class TestSubmissions {

    record Line(String procedure, String modifier, String charge, String units) {
    }

    record Claim(String pcn, String payerId, String payerName, String filingIndicator, String memberId,
                 String frequency, String originalClaimNumber, List<Line> lines) {

        Claim replacing(String pcn, String frequency, String payerClaimNumber) {
            return new Claim(pcn, payerId, payerName, filingIndicator, memberId, frequency, payerClaimNumber,
                    lines);
        }
    }

    static final char[] STANDARD = {'~', '*', ':', '^'};
    static final char[] PIPES = {'~', '|', '>', '^'};

    private TestSubmissions() {
    }

    /** Claims for three payers, one to three lines each, office visits and procedures. */
    static List<Claim> claims(int count) {
        String[][] payers = {{"06102", "MEDICARE PART B", "MB"}, {"60054", "AETNA", "CI"},
                {"00621", "BLUE CROSS BLUE SHIELD OF ILLINOIS", "BL"}};
        String[][] procedures = {{"99214", "25"}, {"36415", null}, {"80053", null}, {"93000", null},
                {"99213", null}, {"20610", "RT"}};
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] payer = payers[i % payers.length];
            List<Line> lines = new ArrayList<>();
            for (int l = 0; l <= i % 3; l++) {
                String[] procedure = procedures[(i + l) % procedures.length];
                lines.add(new Line(procedure[0], procedure[1],
                        new BigDecimal(75 + 17 * ((i * 3 + l) % 11)).add(new BigDecimal("0.5").multiply(
                                BigDecimal.valueOf(l))).toPlainString(), l == 1 && i % 4 == 0 ? "2" : "1"));
            }
            claims.add(new Claim((100 + i) + "-1", payer[0], payer[1], payer[2], "MBR" + (4000 + i) + "X", "1",
                    null, lines));
        }
        return claims;
    }

    static String professional(String isa13, char[] separators, List<Claim> claims) {
        Writer w = new Writer(separators);
        w.segment("ISA", "00", "          ", "00", "          ", "ZZ", "CLAIMBRIDGE    ", "ZZ", "030240928      ",
                "261125", "0930", String.valueOf(separators[3]), "00501", isa13, "0", "T",
                String.valueOf(separators[2]));
        String gs = String.valueOf(Long.parseLong(isa13));
        w.segment("GS", "HC", "CLAIMBRIDGE", "030240928", "20261125", "0930", gs, "X", "005010X222A1");
        int st = 0;
        for (Claim claim : claims) {
            String control = String.format(Locale.ROOT, "%04d", ++st);
            w.count = 0;
            w.segment("ST", "837", control, "005010X222A1");
            w.segment("BHT", "0019", "00", claim.pcn(), "20261125", "0930", "CH");
            w.segment("NM1", "41", "2", "CLAIMBRIDGE BILLING SERVICES", "", "", "", "", "46", "CLAIMBRIDGE");
            w.segment("PER", "IC", "BILLING DESK", "TE", "2175550100");
            w.segment("NM1", "40", "2", "AVAILITY", "", "", "", "", "46", "030240928");
            w.segment("HL", "1", "", "20", "1");
            w.segment("PRV", "BI", "PXC", "207Q00000X");
            w.segment("NM1", "85", "2", "MAPLE FAMILY PRACTICE", "", "", "", "", "XX", "1234567893");
            w.segment("N3", "100 MAIN ST");
            w.segment("N4", "SPRINGFIELD", "IL", "627011234");
            w.segment("REF", "EI", "123456789");
            w.segment("HL", "2", "1", "22", "0");
            w.segment("SBR", "P", "18", "", "", "", "", "", "", claim.filingIndicator());
            w.segment("NM1", "IL", "1", "QUIMBY", "HAROLD", "", "", "", "MI", claim.memberId());
            w.segment("N3", "100 MAIN ST");
            w.segment("N4", "SPRINGFIELD", "IL", "627011234");
            w.segment("DMG", "D8", "19520402", "M");
            w.segment("NM1", "PR", "2", claim.payerName(), "", "", "", "", "PI", claim.payerId());
            BigDecimal total = claim.lines().stream().map(l -> new BigDecimal(l.charge()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            w.segment("CLM", claim.pcn(), total.toPlainString(), "", "", w.composite("11", "B", claim.frequency()),
                    "Y", "A", "Y", "Y");
            if (claim.originalClaimNumber() != null) {
                w.segment("REF", "F8", claim.originalClaimNumber());
            }
            w.segment("HI", w.composite("ABK", "E119"), w.composite("ABF", "I10"));
            w.segment("NM1", "82", "1", "OKAFOR", "ADAEZE", "", "", "", "XX", "1049283710");
            int n = 0;
            for (Line line : claim.lines()) {
                w.segment("LX", String.valueOf(++n));
                String procedure = line.modifier() == null ? w.composite("HC", line.procedure())
                        : w.composite("HC", line.procedure(), line.modifier());
                w.segment("SV1", procedure, line.charge(), "UN", line.units(), "", "", w.composite("1"));
                w.segment("DTP", "472", "D8", "20261103");
                w.segment("REF", "6R", claim.pcn() + "-" + n);
            }
            w.segment("SE", String.valueOf(w.count + 1), control);
        }
        w.segment("GE", String.valueOf(st), gs);
        w.segment("IEA", "1", isa13);
        return w.text.toString();
    }

    private static final class Writer {
        private final char[] separators;
        private final StringBuilder text = new StringBuilder();
        private int count;

        Writer(char[] separators) {
            this.separators = separators;
        }

        String composite(String... components) {
            return String.join(String.valueOf(separators[2]), components);
        }

        void segment(String tag, String... elements) {
            int last = elements.length;
            while (last > 0 && elements[last - 1].isEmpty()) {
                last--;
            }
            text.append(tag);
            for (int i = 0; i < last; i++) {
                text.append(separators[1]).append(elements[i]);
            }
            text.append(separators[0]).append('\n');
            count++;
        }
    }
}
