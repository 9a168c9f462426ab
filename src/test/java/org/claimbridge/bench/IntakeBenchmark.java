package org.claimbridge.bench;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.parser.GenericModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import org.claimbridge.ClaimbridgeApplication;
import org.claimbridge.intake.mllp.MllpClient;
import org.claimbridge.intake.mllp.MllpListener;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Intake throughput with commit-before-ACK: starts claimbridge in this JVM (on SPRING_DATASOURCE_URL if set, else the
 * embedded MariaDB), streams N synthetic DFT^P03 over M MLLP connections, each sender waiting for its ACK before
 * sending the next as MLLP senders do, and prints the rate and the latency of send-to-ACK, then what HAPI alone parses
 * of the same messages for comparison. Not a test: nothing here asserts a timing.
 * <p>
 * {@code ./mvnw -q test-compile exec:java -Dexec.args="20000 8"}
 */
public final class IntakeBenchmark {

    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        // the JIT is still compiling the hot paths through the first ten thousand or so: a warm-up as long as the
        // scrub benchmark's
        int warmup = Math.min(20_000, count);
        List<String> warm = SyntheticCharges.messages(run + "W", warmup, 7);
        List<String> messages = SyntheticCharges.messages(run, count, 42);

        ConfigurableApplicationContext app = new SpringApplicationBuilder(ClaimbridgeApplication.class)
                .logStartupInfo(false)
                .run("--claimbridge.mllp.port=0", "--server.port=0", "--claimbridge.data-dir=target/bench-data",
                        "--claimbridge.mllp.max-connections=" + Math.max(50, connections + 2),
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN");
        try {
            int port = app.getBean(MllpListener.class).port();
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long before = lastId(jdbc);
            stream(port, warm, connections);
            // the measured run starts with the billing view caught up, as a feed's next burst would
            awaitApplied(jdbc, before);
            long warmed = lastId(jdbc);
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            long jvmCpuStart = os.getProcessCpuTime();
            long[] machineStart = MachineCpu.read();
            Result result = stream(port, messages, connections);
            long[] machineEnd = MachineCpu.read();
            long jvmCpu = os.getProcessCpuTime() - jvmCpuStart;
            long pendingAtEnd = pending(jdbc, warmed);
            long end = System.nanoTime();
            awaitApplied(jdbc, warmed);
            double after = (System.nanoTime() - end) / 1e9;
            if (result.refused() > 0) {
                System.out.println("WARNING: " + result.refused() + " message(s) not answered AA");
            }
            long[] latencies = result.latencies();
            Arrays.sort(latencies);
            double seconds = result.nanos() / 1e9;
            System.out.printf("(after %d warm-up messages; billing view: %d of %d applied while they streamed in,"
                    + " the rest %.1f s after the last ACK, %d msgs/s over the whole)%n", warm.size(),
                    count - pendingAtEnd, count, after, Math.round(count / (seconds + after)));
            // CPU first: on a shared VM the rate moves with the neighbours, the CPU a message costs much less
            System.out.printf("(cpu while streaming: this JVM, senders included, %d µs a message; %s)%n",
                    Math.round(jvmCpu / 1e3 / count), MachineCpu.describe(machineStart, machineEnd));
            System.out.printf("intake: %d msgs/s, p50 %.1f ms, p99 %.1f ms%n", Math.round(count / seconds),
                    percentile(latencies, 50) / 1e6, percentile(latencies, 99) / 1e6);
        } finally {
            app.close();
        }
        System.out.printf("hapi parse-only: %d msgs/s (same %d messages, 1 thread, generic model as intake uses)%n",
                parseOnly(warm, messages), count);
    }

    private record Result(long nanos, long[] latencies, long refused) {
    }

    private static long pending(JdbcTemplate jdbc, long fromId) {
        // by the (status, id) index: only the messages still waiting are counted
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM hl7_message WHERE status = 'RECEIVED' AND id > ?",
                Long.class, fromId);
        return n == null ? 0 : n;
    }

    private static long lastId(JdbcTemplate jdbc) {
        Long id = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM hl7_message", Long.class);
        return id == null ? 0 : id;
    }

    /** Waits (at most ten minutes) until the billing view has applied every message stored after the given id. */
    private static void awaitApplied(JdbcTemplate jdbc, long fromId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (pending(jdbc, fromId) > 0) {
            if (System.nanoTime() > deadline) {
                System.out.println("WARNING: the billing view had not applied every message after ten minutes");
                return;
            }
            Thread.sleep(250);
        }
    }

    private static Result stream(int port, List<String> messages, int connections) throws Exception {
        long[] latencies = new long[messages.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicLong refused = new AtomicLong();
        ExecutorService senders = Executors.newFixedThreadPool(connections);
        List<MllpClient> clients = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            clients.add(MllpClient.local(port));
        }
        long start = System.nanoTime();
        List<Future<Void>> done = new ArrayList<>();
        for (MllpClient client : clients) {
            done.add(senders.submit(() -> {
                for (int i = next.getAndIncrement(); i < messages.size(); i = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    String ack = client.exchange(messages.get(i));
                    latencies[i] = System.nanoTime() - sent;
                    if (ack == null || !ack.contains("\rMSA|AA|")) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<Void> f : done) {
            f.get();
        }
        long nanos = System.nanoTime() - start;
        senders.shutdown();
        for (MllpClient client : clients) {
            client.close();
        }
        return new Result(nanos, latencies, refused.get());
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static long parseOnly(List<String> warm, List<String> messages) throws HL7Exception, IOException {
        try (HapiContext hapi = new DefaultHapiContext()) {
            hapi.setValidationContext(ValidationContextFactory.noValidation());
            hapi.setModelClassFactory(new GenericModelClassFactory());
            PipeParser parser = hapi.getPipeParser();
            for (String message : warm) {
                parser.parse(message);
            }
            long start = System.nanoTime();
            for (String message : messages) {
                parser.parse(message);
            }
            return Math.round(messages.size() / ((System.nanoTime() - start) / 1e9));
        }
    }

    /** DFT^P03 for made-up patients of a made-up practice: never real people. */
    static final class SyntheticCharges {

        private static final String[] FAMILY = {"TESTER", "SAMPLE", "EXAMPLE", "DEMO", "MOCK", "PLACEHOLDER"};
        private static final String[] GIVEN = {"ALEX", "SAM", "JORDAN", "TAYLOR", "CASEY", "RILEY"};
        private static final String[] CPT = {"99213", "99214", "36415", "80053", "85025", "93000", "71046"};
        private static final String[] ICD = {"E119", "I10", "J069", "M545", "Z0000", "R051"};

        static List<String> messages(String run, int count, long seed) {
            Random random = new Random(seed);
            DateTimeFormatter day = DateTimeFormatter.BASIC_ISO_DATE;
            List<String> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int patient = random.nextInt(5_000);
                String mrn = "SYN" + patient;
                String visit = "V" + run + i;
                String service = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300)).format(day);
                String born = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(25_000)).format(day);
                StringBuilder m = new StringBuilder(1_200);
                m.append("MSH|^~\\&|PMSYS|FAMPRAC|CLAIMBRIDGE|CB|").append(service).append("101500||DFT^P03|BENCH-")
                        .append(run).append('-').append(i).append("|P|2.5.1\r");
                m.append("EVN|P03|").append(service).append("101500\r");
                m.append("PID|1||").append(mrn).append("^^^FAMPRAC^MR||").append(FAMILY[patient % FAMILY.length])
                        .append('^').append(GIVEN[patient % GIVEN.length]).append("||").append(born)
                        .append("|F|||100 TEST ST^^SPRINGFIELD^IL^62701||5550100\r");
                m.append("PV1|1|O|CLINIC^^^FAMPRAC||||1234567893^CARE^CAROL^^^^MD||||||||||||").append(visit)
                        .append("|||||||||||||||||||||||||").append(service).append("\r");
                int charges = 1 + random.nextInt(3);
                for (int c = 1; c <= charges; c++) {
                    String cpt = CPT[random.nextInt(CPT.length)];
                    m.append("FT1|").append(c).append("|||").append(service).append("||CG|").append(cpt)
                            .append("|||1|").append(50 + random.nextInt(200)).append(".00||||||||")
                            .append(ICD[random.nextInt(ICD.length)]).append("|1234567893^CARE^CAROL||||")
                            .append(cpt).append("^^C4\r");
                }
                m.append("DG1|1|I10|").append(ICD[random.nextInt(ICD.length)]).append("^^I10|||F\r");
                m.append("GT1|1||").append(FAMILY[patient % FAMILY.length]).append('^')
                        .append(GIVEN[patient % GIVEN.length]).append("||100 TEST ST^^SPRINGFIELD^IL^62701\r");
                m.append("IN1|1|PLAN01|PAYER01|SYNTHETIC HEALTH PLAN||||GRP").append(patient % 100)
                        .append("||||||||").append(FAMILY[patient % FAMILY.length]).append('^')
                        .append(GIVEN[patient % GIVEN.length]).append("|01|").append(born)
                        .append("||||||||||||||||||MEM").append(patient).append("\r");
                out.add(m.toString());
            }
            return out;
        }
    }

    /** The machine's CPU counters from /proc/stat, where there is one (Linux): empty elsewhere. */
    static final class MachineCpu {

        private MachineCpu() {
        }

        /** user, nice, system, idle, iowait, irq, softirq, steal, in clock ticks; empty when not on Linux. */
        static long[] read() {
            try {
                String cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0);
                String[] fields = cpu.trim().split("\\s+");
                long[] ticks = new long[8];
                for (int i = 0; i < ticks.length && i + 1 < fields.length; i++) {
                    ticks[i] = Long.parseLong(fields[i + 1]);
                }
                return ticks;
            } catch (IOException | RuntimeException e) {
                return new long[0];
            }
        }

        static String describe(long[] start, long[] end) {
            if (start.length == 0 || end.length == 0) {
                return "machine CPU not readable here";
            }
            long total = 0;
            long[] d = new long[start.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = end[i] - start[i];
                total += d[i];
            }
            if (total == 0) {
                return "machine CPU not readable here";
            }
            long idle = d[3] + d[4];
            return String.format("machine %d%% busy, %d%% idle, %d%% stolen by the host",
                    Math.round(100.0 * (total - idle - d[7]) / total), Math.round(100.0 * idle / total),
                    Math.round(100.0 * d[7] / total));
        }
    }
}
