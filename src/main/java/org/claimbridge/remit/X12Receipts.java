package org.claimbridge.remit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in an X12 response file from any channel: stores it raw first (a file with the same bytes as one received
 * before is kept as a duplicate and not applied), reads it, and applies each transaction set in a transaction of its
 * own, so one bad set does not stop the others and none is applied twice.
 */
@Service
public class X12Receipts {

    private static final Logger log = LoggerFactory.getLogger(X12Receipts.class);

    private final ResponseRecords records;
    private final Acknowledgment999 acknowledgment999;
    private final Acknowledgment277 acknowledgment277;
    private final Remittance835 remittance835;
    private final TransactionTemplate transactions;

    X12Receipts(ResponseRecords records, Acknowledgment999 acknowledgment999, Acknowledgment277 acknowledgment277,
                Remittance835 remittance835, PlatformTransactionManager transactionManager) {
        this.remittance835 = remittance835;
        this.records = records;
        this.acknowledgment999 = acknowledgment999;
        this.acknowledgment277 = acknowledgment277;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Where a file came in. */
    public enum Channel {
        FILE, API, UPLOAD
    }

    /** What became of one transaction set. @param status APPLIED, FAILED or DUPLICATE */
    public record SetResult(String type, String stControl, String status, String summary) {
    }

    /**
     * What became of a file.
     *
     * @param status APPLIED, PARTIAL, FAILED or DUPLICATE
     * @param errors problems of the file as a whole (cut short, an envelope that does not add up)
     */
    public record Receipt(long fileId, String status, Long duplicateOf, List<SetResult> sets, List<String> errors) {
    }

    public Receipt receive(byte[] content, Channel channel, String name, String actor) {
        ResponseRecords.StoredFile stored = transactions.execute(s -> records.store(content, sha256(content),
                channel.name(), name));
        if (stored.duplicateOf() != null) {
            return new Receipt(stored.id(), "DUPLICATE", stored.duplicateOf(), List.of(), List.of(
                    "the same file was received before as file " + stored.duplicateOf() + "; not applied again"));
        }
        X12Parser.Parsed parsed = X12Parser.parse(content);
        List<SetResult> sets = new ArrayList<>();
        for (X12Transaction t : parsed.transactions()) {
            sets.add(apply(stored.id(), t, actor));
        }
        long failed = sets.stream().filter(r -> r.status().equals("FAILED")).count();
        String status = sets.isEmpty() || failed == sets.size() ? "FAILED"
                : failed > 0 || !parsed.errors().isEmpty() ? "PARTIAL" : "APPLIED";
        List<String> problems = new ArrayList<>(parsed.errors());
        sets.stream().filter(r -> r.status().equals("FAILED"))
                .forEach(r -> problems.add("ST " + r.type() + " " + r.stControl() + ": " + r.summary()));
        if (sets.isEmpty() && problems.isEmpty()) {
            problems.add("the file holds no transaction set");
        }
        transactions.executeWithoutResult(s -> records.fileStatus(stored.id(), status,
                problems.isEmpty() ? null : String.join("; ", problems)));
        if (!problems.isEmpty()) {
            log.warn("X12 file {} ({}) {}: {}", stored.id(), name, status, String.join("; ", problems));
        }
        return new Receipt(stored.id(), status, null, sets, List.copyOf(parsed.errors()));
    }

    private SetResult apply(long fileId, X12Transaction t, String actor) {
        if (!t.errors().isEmpty()) {
            return failed(fileId, t, "not applied: " + String.join("; ", t.errors()));
        }
        if (!t.type().equals("999") && !t.type().equals("277") && !t.type().equals("835")) {
            return failed(fileId, t, "transaction set " + t.type() + " is not one claimbridge reads (999, 277, 835)");
        }
        try {
            return transactions.execute(s -> {
                Optional<Long> response = records.applying(fileId, t);
                if (response.isEmpty()) {
                    return new SetResult(t.type(), t.stControl(), "DUPLICATE", "transaction set " + t.stControl()
                            + " of interchange " + t.isaControl() + " from " + t.senderId()
                            + " was applied before; not again");
                }
                String summary = switch (t.type()) {
                    case "999" -> acknowledgment999.apply(t, response.get(), actor);
                    case "277" -> acknowledgment277.apply(t, response.get(), actor);
                    default -> remittance835.apply(t, response.get(), actor);
                };
                String kept = t.warnings().isEmpty() ? summary
                        : summary + " [guide warnings: " + String.join("; ", t.warnings()) + "]";
                records.summary(response.get(), kept);
                return new SetResult(t.type(), t.stControl(), "APPLIED", kept);
            });
        } catch (RuntimeException e) {
            log.warn("X12 transaction set {} {} of file {} failed", t.type(), t.stControl(), fileId, e);
            return failed(fileId, t, "could not be applied: " + e.getMessage());
        }
    }

    private SetResult failed(long fileId, X12Transaction t, String why) {
        transactions.executeWithoutResult(s -> records.response(fileId, t, "FAILED", why));
        return new SetResult(t.type(), t.stControl(), "FAILED", why);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
