package org.claimbridge.demo.payer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the simulated payers remember of the claims they adjudicated, so that a replacement (frequency 7) or a void
 * (8) naming a payer claim control number in REF*F8 can be answered with a reversal of what was paid, and a later
 * remittance can recover an overpayment from an earlier claim. One small file per payer claim control number, in the
 * simulator's own folder; a reversed claim's file is removed.
 */
final class ClaimHistory {

    /**
     * An adjudicated claim: the 837 file and CLM01 it came from (its adjudication can be drawn again from them), its
     * payer and payee, and what was paid.
     */
    record Entry(String payerClaimNumber, String file, String pcn, String payerId, String payeeNpi,
                 BigDecimal paid) {
    }

    private final Path folder;

    ClaimHistory(Path folder) {
        this.folder = folder;
    }

    Optional<Entry> find(String payerClaimNumber) {
        if (payerClaimNumber == null || !payerClaimNumber.matches("[A-Za-z0-9-]{1,50}")) {
            return Optional.empty();
        }
        Path file = folder.resolve(payerClaimNumber + ".claim");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(read(file));
    }

    void record(Entry entry) {
        String line = String.join("\t", entry.payerClaimNumber(), entry.file(), entry.pcn(), entry.payerId(),
                entry.payeeNpi(), X12Values.amount(entry.paid())) + "\n";
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(entry.payerClaimNumber() + ".claim"), line, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the payer simulator could not remember claim "
                    + entry.payerClaimNumber(), e);
        }
    }

    void reversed(String payerClaimNumber) {
        try {
            Files.deleteIfExists(folder.resolve(payerClaimNumber + ".claim"));
        } catch (IOException e) {
            throw new UncheckedIOException("the payer simulator could not forget claim " + payerClaimNumber, e);
        }
    }

    /** Claims this payer paid this payee from other 837 files, oldest number first. */
    List<Entry> paidEarlier(String payerId, String payeeNpi, String exceptFile) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> f.getFileName().toString().endsWith(".claim")).sorted().map(ClaimHistory::read)
                    .filter(e -> e.payerId().equals(payerId) && e.payeeNpi().equals(payeeNpi)
                            && !e.file().equals(exceptFile) && e.paid().signum() > 0)
                    .forEach(entries::add);
        } catch (IOException e) {
            throw new UncheckedIOException("the payer simulator could not read its claims in " + folder, e);
        }
        return entries;
    }

    private static Entry read(Path file) {
        try {
            String[] parts = Files.readString(file, StandardCharsets.UTF_8).strip().split("\t", -1);
            return new Entry(parts[0], parts[1], parts[2], parts[3], parts[4], new BigDecimal(parts[5]));
        } catch (IOException e) {
            throw new UncheckedIOException("the payer simulator could not read " + file, e);
        }
    }
}
