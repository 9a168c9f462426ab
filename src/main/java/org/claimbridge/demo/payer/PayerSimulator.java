package org.claimbridge.demo.payer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the clearinghouse and the payers for demos and tests: answers each 837 file in claimbridge's outbox once,
 * with files in claimbridge's X12 inbox:
 * <ul>
 *   <li>{@code 999-<ISA13>.x12}: the implementation acknowledgment of every transaction set;</li>
 *   <li>{@code 277ca-<ISA13>.x12}: the claim acknowledgment of the claims in the accepted sets;</li>
 *   <li>{@code 835-<payer id>-<ISA13>.x12}: one remittance per payer for the claims the 277CA accepted.</li>
 * </ul>
 * {@code <ISA13>} is the 837's. Each response has its own ISA13 ({@code 9}, two digits for the kind, the last six of
 * the 837's), is sent by the 837's receiver to its sender in the 837's separators, and is dated from the 837's own
 * date (999 after 10 minutes, 277CA the next morning, 835 two weeks later), never from the clock: the same 837 and
 * seed give byte for byte the same files. Files are written under a name starting with '.' and renamed, so a watcher
 * never reads half a file.
 * <p>
 * What it answered is remembered in its own folder ({@code answered/}), with the claims its payers adjudicated
 * ({@code claims/}), which replacements and voids are checked against.
 */
public final class PayerSimulator {

    private static final Logger log = LoggerFactory.getLogger(PayerSimulator.class);

    /** What one 837 file was answered with. */
    public record Answer(Path submission, List<Path> responses) {
    }

    private final Path answered;
    private final ClaimHistory history;
    private final ClaimFileReader reader = new ClaimFileReader();
    private final SyntaxEdits syntaxEdits;
    private final ClaimEdits claimEdits;
    private final Adjudicator adjudicator;
    private final RemittanceAdvice remittances;

    /** @param stateDir the simulator's own folder: what it answered and the claims it adjudicated */
    public PayerSimulator(PayerSimulatorProperties properties, Path stateDir) {
        Draws draws = new Draws(properties.seed());
        this.answered = stateDir.resolve("answered");
        this.history = new ClaimHistory(stateDir.resolve("claims"));
        this.syntaxEdits = new SyntaxEdits(draws, properties.rejectRate());
        this.claimEdits = new ClaimEdits(draws, properties.rejectRate(), history);
        this.adjudicator = new Adjudicator(draws, properties);
        this.remittances = new RemittanceAdvice(draws, properties.providerAdjustmentRate(), history);
    }

    /** Answers every 837 file in the outbox not answered yet, in the order of their names. */
    public List<Answer> simulate(Path outbox837, Path x12Inbox) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(outbox837)) {
            return List.of();
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(outbox837, "*.837")) {
            for (Path file : stream) {
                // claimbridge writes under a name starting with '.' and renames when the file is complete
                if (!file.getFileName().toString().startsWith(".") && Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the 837 outbox " + outbox837 + " could not be read", e);
        }
        files.sort(null);
        List<Answer> answers = new ArrayList<>();
        for (Path file : files) {
            answer(file, x12Inbox).ifPresent(answers::add);
        }
        return answers;
    }

    /** Answers one 837 file, unless it was answered before. */
    public Optional<Answer> answer(Path file837, Path x12Inbox) {
        Path marker = answered.resolve(file837.getFileName().toString());
        if (Files.exists(marker)) {
            return Optional.empty();
        }
        Submission submission;
        try {
            submission = reader.read(file837);
        } catch (IOException e) {
            // a clearinghouse would send a TA1; the simulator says why in its log and does not try again
            log.warn("Payer simulator: {} not answered: {}", file837.getFileName(), e.getMessage());
            remember(marker, List.of(), "not answered: " + e.getMessage());
            return Optional.empty();
        }
        Responses responses;
        try {
            responses = respond(submission, file837.getParent());
        } catch (IllegalStateException e) {
            // an answer StAEDI will not write now will not be written on the next look either
            log.error("Payer simulator: {} not answered", file837.getFileName(), e);
            remember(marker, List.of(), "not answered: " + e.getMessage());
            return Optional.empty();
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> response : responses.files().entrySet()) {
            written.add(place(x12Inbox, response.getKey(), response.getValue()));
        }
        // remembered once every answer is in place: an 837 answered again after a failure is answered the same way
        responses.reversed().forEach(history::reversed);
        responses.adjudicated().forEach(history::record);
        remember(marker, written, "answered");
        log.info("Payer simulator answered {} with {}", file837.getFileName(),
                written.stream().map(p -> p.getFileName().toString()).toList());
        return Optional.of(new Answer(file837, List.copyOf(written)));
    }

    /**
     * The answers to one 837: the files by name, in the order they would arrive, and what the payers will remember.
     *
     * @param reversed    payer claim numbers whose payment was taken back
     * @param adjudicated the claims adjudicated
     */
    record Responses(Map<String, byte[]> files, List<String> reversed, List<ClaimHistory.Entry> adjudicated) {
    }

    /** @param outbox where the 837s are, the originals of replacements and voids among them */
    Responses respond(Submission submission, Path outbox) {
        String interchange = submission.envelope().control();
        LocalDateTime sent = submission.envelope().at();
        LocalDate received = sent.toLocalDate();
        Map<String, byte[]> files = new LinkedHashMap<>();

        List<ImplementationAcknowledgment.GroupVerdicts> syntax = new ArrayList<>();
        for (Submission.Group group : submission.groups()) {
            syntax.add(new ImplementationAcknowledgment.GroupVerdicts(group, syntaxEdits.check(interchange, group)));
        }
        files.put("999-" + interchange + ".x12", ImplementationAcknowledgment.write(
                responseTo(submission, "00", sent.plusMinutes(10)), syntax));

        List<ClaimAcknowledgment.SetVerdicts> acknowledged = new ArrayList<>();
        for (ImplementationAcknowledgment.GroupVerdicts group : syntax) {
            for (SyntaxEdits.Verdict verdict : group.verdicts()) {
                if (verdict.accepted() && !verdict.set().claims().isEmpty()) {
                    acknowledged.add(new ClaimAcknowledgment.SetVerdicts(verdict.set(), verdict.set().claims()
                            .stream().map(c -> claimEdits.check(interchange, received, c)).toList()));
                }
            }
        }
        if (acknowledged.isEmpty()) {
            return new Responses(files, List.of(), List.of());
        }
        ResponseInterchange claimAcknowledgment = responseTo(submission, "01",
                received.plusDays(1).atTime(6, 0));
        claimAcknowledgment.startGroup("HN", ClaimAcknowledgment.GUIDE);
        for (ClaimAcknowledgment.SetVerdicts set : acknowledged) {
            ClaimAcknowledgment.write(claimAcknowledgment, received, set);
        }
        claimAcknowledgment.endGroup();
        files.put("277ca-" + interchange + ".x12", claimAcknowledgment.finish());

        // by payer id, in id order: one 835 per payer, whatever name each claim gave it
        Map<String, List<ClaimPayment>> byPayer = new TreeMap<>();
        Map<String, Submission.Party> payers = new HashMap<>();
        List<ClaimHistory.Entry> adjudicated = new ArrayList<>();
        List<String> reversed = new ArrayList<>();
        for (ClaimAcknowledgment.SetVerdicts set : acknowledged) {
            for (ClaimEdits.Verdict verdict : set.verdicts()) {
                if (!verdict.accepted()) {
                    continue;
                }
                Submission.Claim claim = verdict.claim();
                payers.putIfAbsent(claim.payer().id(), claim.payer());
                List<ClaimPayment> payments = byPayer.computeIfAbsent(claim.payer().id(), p -> new ArrayList<>());
                if (claim.replacesOrVoids()) {
                    reversal(claim.originalClaimNumber(), outbox).ifPresent(r -> {
                        payments.add(r);
                        reversed.add(r.payerClaimNumber());
                    });
                }
                if (!claim.voids()) {
                    ClaimPayment payment = adjudicator.adjudicate(interchange, claim, verdict.payerClaimNumber());
                    payments.add(payment);
                    adjudicated.add(new ClaimHistory.Entry(payment.payerClaimNumber(), submission.fileName(),
                            claim.pcn(), claim.payer().id(), claim.billing().npi(), payment.paid()));
                }
            }
        }
        byPayer.values().removeIf(List::isEmpty);
        int i = 0;
        for (Map.Entry<String, List<ClaimPayment>> payer : byPayer.entrySet()) {
            // two digits for the kind: 999 00, 277CA 01, the payers' 835s 10 to 99
            ResponseInterchange remittance = responseTo(submission, String.valueOf(10 + i++ % 90),
                    received.plusDays(14).atTime(7, 0));
            remittances.write(remittance, submission, payers.get(payer.getKey()), payer.getValue());
            files.put("835-" + fileSafe(payer.getKey()) + "-" + interchange + ".x12", remittance.finish());
        }
        return new Responses(files, List.copyOf(reversed), List.copyOf(adjudicated));
    }

    /**
     * The payment to take back for a replacement or void: the original claim adjudicated again from its own 837,
     * which gives what was paid as long as the seed and rates have not changed since.
     */
    private Optional<ClaimPayment> reversal(String payerClaimNumber, Path outbox) {
        Optional<ClaimHistory.Entry> entry = history.find(payerClaimNumber);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        return originalSubmission(outbox, entry.get()).flatMap(original -> original.groups().stream()
                .flatMap(g -> g.sets().stream()).flatMap(s -> s.claims().stream())
                .filter(c -> c.pcn().equals(entry.get().pcn())).findFirst()
                .map(c -> adjudicator.adjudicate(original.envelope().control(), c, payerClaimNumber).reversed()));
    }

    private Optional<Submission> originalSubmission(Path outbox, ClaimHistory.Entry entry) {
        Path file = outbox.resolve(entry.file());
        try {
            return Optional.of(reader.read(file));
        } catch (IOException e) {
            log.warn("Payer simulator: the 837 {} of claim {} is gone; its payment is not reversed", entry.file(),
                    entry.payerClaimNumber());
            return Optional.empty();
        }
    }

    /** Sender and receiver swapped, the same separators and usage, a control number of its own. */
    private static ResponseInterchange responseTo(Submission submission, String kind, LocalDateTime at) {
        Submission.Envelope e = submission.envelope();
        Submission.Group group = submission.groups().isEmpty() ? null : submission.groups().get(0);
        String control = "9" + kind + String.format(Locale.ROOT, "%06d",
                Long.parseLong(e.control()) % 1_000_000);
        return new ResponseInterchange(new ResponseInterchange.Envelope(e.receiverQualifier(), e.receiverId(),
                e.senderQualifier(), e.senderId(), group == null ? e.receiverId() : group.receiverApplication(),
                group == null ? e.senderId() : group.senderApplication(), control, e.usage(), at, e.separators()));
    }

    private static Path place(Path inbox, String name, byte[] bytes) {
        try {
            Files.createDirectories(inbox);
            Path temp = inbox.resolve("." + name + ".part");
            Path file = inbox.resolve(name);
            Files.write(temp, bytes);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("the payer simulator could not write " + name + " to " + inbox, e);
        }
    }

    private static void remember(Path marker, List<Path> written, String what) {
        try {
            Files.createDirectories(marker.getParent());
            StringBuilder text = new StringBuilder(what).append('\n');
            written.forEach(p -> text.append(p.getFileName()).append('\n'));
            Files.writeString(marker, text);
        } catch (IOException e) {
            throw new UncheckedIOException("the payer simulator could not remember " + marker.getFileName(), e);
        }
    }

    private static String fileSafe(String id) {
        return id == null ? "UNKNOWN" : id.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
