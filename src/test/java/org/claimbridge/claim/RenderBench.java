package org.claimbridge.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Micro benchmark (not a test): renders one 5-line 837P claim N times on one TransactionSets. */
public final class RenderBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ClaimDocument base = InterchangeWriterTest.claim("42-1", "Quimby");
        List<ClaimDocument.Line> ls = new ArrayList<>();
        for (int i = 1; i <= lines; i++) {
            ls.add(new ClaimDocument.Line(i, i, "42-1-" + i, LocalDate.of(2026, 11, 3), "99214", List.of("25"),
                    null, BigDecimal.ONE, new BigDecimal("30.00"), List.of(1), "11", null));
        }
        ClaimDocument claim = new ClaimDocument(base.kind(), base.patientControlNumber(), "1", null,
                new BigDecimal("150.00"), "P", "MB", base.billing(), base.subscriber(), base.payer(), null, "18",
                base.visit(), base.diagnoses(), List.of(), null, base.rendering(), null, null, null, List.of(), ls,
                base.origin());
        var envelope = new InterchangeWriter.Envelope(InterchangeWriterTest.RECEIVER, InterchangeWriterTest.SUBMITTER,
                "000000123", java.time.LocalDateTime.of(2026, 11, 25, 9, 30));
        try (TransactionSets sets = new TransactionSets(envelope, InterchangeWriterTest.SCHEMAS)) {
            for (int round = 0; round < 4; round++) {
                long t = System.nanoTime();
                long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                long bytes = 0;
                for (int i = 0; i < n; i++) {
                    TransactionSets.Rendered r = sets.render(claim, String.format("%04d", i % 10000));
                    if (r.refused()) {
                        throw new IllegalStateException(r.errors().toString());
                    }
                    bytes += r.bytes().length;
                }
                double s = (System.nanoTime() - t) / 1e9;
                double c = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e9;
                System.out.printf("round %d: %d claims in %.2f s = %.0f claims/s (%.1f us/claim wall, %.1f us/claim cpu, %d bytes)%n",
                        round, n, s, n / s, s * 1e6 / n, c * 1e6 / n, bytes / n);
            }
        }
    }
}
