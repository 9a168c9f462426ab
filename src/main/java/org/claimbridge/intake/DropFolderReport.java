package org.claimbridge.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The report written next to a processed file: a few header lines starting with {@code #}, then one tab-separated
 * line per message with its number in the file, control id, type, ACK code, status, stored message id, whether it
 * was a resend, and the error.
 */
final class DropFolderReport {

    static final String COLUMNS = "message\tcontrol_id\ttype\tack\tstatus\tmessage_id\tresend\terror";

    private final MessageQueries queries;

    DropFolderReport(MessageQueries queries) {
        this.queries = queries;
    }

    String of(String file, int size, Instant at, BatchIntake.Result result) {
        List<Receipt> receipts = result.receipts();
        long refused = receipts.stream().filter(r -> !BatchIntake.Result.accepted(r)).count();
        StringBuilder out = new StringBuilder();
        out.append("# claimbridge HL7 drop-folder report\n");
        out.append("# file\t").append(file).append(" (").append(size).append(" bytes)\n");
        out.append("# processed\t").append(at).append('\n');
        out.append("# result\t").append(result.allAccepted() ? "done" : "error").append(": ")
                .append(receipts.size()).append(" message(s), ").append(refused).append(" refused\n");
        for (String problem : result.batch().problems()) {
            out.append("# problem\t").append(clean(problem)).append('\n');
        }
        out.append(COLUMNS).append('\n');
        for (int i = 0; i < receipts.size(); i++) {
            Receipt receipt = receipts.get(i);
            Optional<MessageSummary> stored = queries.summary(receipt.messageId());
            String type = stored.map(s -> s.messageType() == null ? null
                    : s.triggerEvent() == null ? s.messageType() : s.messageType() + "^" + s.triggerEvent())
                    .orElse(null);
            out.append(result.batch().parts().get(i).number()).append('\t')
                    .append(orDash(stored.map(MessageSummary::controlId).orElse(null))).append('\t')
                    .append(orDash(type)).append('\t')
                    .append(orDash(receipt.ackCode())).append('\t')
                    .append(receipt.status()).append('\t')
                    .append(receipt.messageId()).append('\t')
                    .append(receipt.resend() ? "resend" : "new").append('\t')
                    .append(accepted(receipt) ? "" : clean(stored.map(MessageSummary::errorText).orElse("")))
                    .append('\n');
        }
        return out.toString();
    }

    /** For a file that could not be taken at all, or only in part (messages before the failure are stored). */
    String failed(String file, Instant at, String why) {
        return "# claimbridge HL7 drop-folder report\n"
                + "# file\t" + file + '\n'
                + "# processed\t" + at + '\n'
                + "# result\terror: " + clean(why) + '\n'
                + COLUMNS + '\n';
    }

    private static boolean accepted(Receipt receipt) {
        return BatchIntake.Result.accepted(receipt);
    }

    private static String orDash(String value) {
        return value == null || value.isEmpty() ? "-" : clean(value);
    }

    private static String clean(String value) {
        return value == null ? "" : value.replaceAll("[\\t\\r\\n]+", " ").strip();
    }
}
