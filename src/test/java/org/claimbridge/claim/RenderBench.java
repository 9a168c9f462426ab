package org.claimbridge.claim;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

/**
 * Micro benchmark (not a test): what writing one 5-line 837P claim costs in StAEDI, with the guide's schema checking
 * it as the claims job does, and with only the envelope schema, to show how much of a claim's time is the guide
 * check. Prints CPU microseconds per claim and the rate the machine's cores could reach doing nothing else.
 * <p>
 * {@code ./mvnw -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test
 * -Dexec.args="-Xmx512m -cp %classpath org.claimbridge.claim.RenderBench 20000"}
 */
public final class RenderBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RenderBench() {
    }

    private interface Render {
        int render(ClaimDocument claim, String st) throws EDIStreamException;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
        ClaimDocument claim = claim(5);
        var envelope = new InterchangeWriter.Envelope(InterchangeWriterTest.RECEIVER, InterchangeWriterTest.SUBMITTER,
                "000000123", LocalDateTime.of(2026, 11, 25, 9, 30));
        int cores = Runtime.getRuntime().availableProcessors();
        double guided;
        try (TransactionSets sets = new TransactionSets(envelope, InterchangeWriterTest.SCHEMAS)) {
            guided = time("with the guide schema (as shipped)", n, (c, st) -> {
                TransactionSets.Rendered r = sets.render(c, st);
                if (r.refused()) {
                    throw new IllegalStateException(r.errors().toString());
                }
                return r.bytes().length;
            }, claim);
        }
        Staging out = new Staging(null);
        EDIStreamWriter writer = X12Writers.create(out, InterchangeWriterTest.RECEIVER.delimiters(),
                InterchangeWriterTest.SCHEMAS, (error, w, location, data, reference) -> {
                    throw new IllegalStateException(error + " in the envelope");
                });
        ClaimSegments segments = new ClaimSegments(writer, loop -> { }, envelope);
        writer.startInterchange();
        X12Writers.isa(segments, envelope);
        X12Writers.gs(segments, envelope, ClaimKind.PROFESSIONAL, "1");
        writer.flush();
        out.discard();
        double bare = time("envelope schema only (no guide check)", n, (c, st) -> {
            segments.claim(c, st);
            writer.flush();
            return out.take().length;
        }, claim);
        System.out.printf("render: %.0f us/claim with the guide check, %.0f us without; %d cores could write at most"
                + " %.0f claims/s checked, %.0f unchecked, before any database work%n", guided, bare, cores,
                cores * 1e6 / guided, cores * 1e6 / bare);
    }

    /** @return CPU microseconds per claim in the last of four rounds (the JIT is done by then) */
    private static double time(String what, int n, Render render, ClaimDocument claim) throws EDIStreamException {
        double perClaim = 0;
        for (int round = 0; round < 4; round++) {
            long wall = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            long bytes = 0;
            for (int i = 0; i < n; i++) {
                bytes += render.render(claim, String.format("%04d", i % 9999 + 1));
            }
            double seconds = (System.nanoTime() - wall) / 1e9;
            perClaim = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e3 / n;
            System.out.printf("(%s, round %d: %d claims, %.0f claims/s on one thread, %.1f us/claim cpu,"
                    + " %d bytes each)%n", what, round, n, n / seconds, perClaim, bytes / n);
        }
        return perClaim;
    }

    private static ClaimDocument claim(int lines) {
        ClaimDocument base = InterchangeWriterTest.claim("42-1", "Quimby");
        List<ClaimDocument.Line> ls = new ArrayList<>();
        for (int i = 1; i <= lines; i++) {
            ls.add(new ClaimDocument.Line(i, i, "42-1-" + i, LocalDate.of(2026, 11, 3), "99214", List.of("25"),
                    null, BigDecimal.ONE, new BigDecimal("30.00"), List.of(1), "11", null));
        }
        return new ClaimDocument(base.kind(), base.patientControlNumber(), "1", null,
                new BigDecimal("30.00").multiply(BigDecimal.valueOf(lines)), "P", "MB", base.billing(),
                base.subscriber(), base.payer(), null, "18", base.visit(), base.diagnoses(), List.of(), null,
                base.rendering(), null, null, null, List.of(), ls, base.origin());
    }
}
