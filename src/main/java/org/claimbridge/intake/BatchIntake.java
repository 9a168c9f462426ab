package org.claimbridge.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * Takes a file or request body that may hold many messages: splits it ({@link Hl7Batch}) and receives each message
 * through {@link Hl7Intake}, one after the other, so that they are stored (and later applied) in the order the
 * sender wrote them.
 */
@Service
public class BatchIntake {

    /**
     * @param batch    how the input was cut
     * @param receipts one per part of the batch, in order
     */
    public record Result(Hl7Batch batch, List<Receipt> receipts) {

        /** Every message acknowledged positively and the envelope in order. */
        public boolean allAccepted() {
            return batch.problems().isEmpty() && receipts.stream().allMatch(Result::accepted);
        }

        /** AA, or CA where the sender asked for no application ACK. */
        public static boolean accepted(Receipt receipt) {
            return "AA".equals(receipt.ackCode()) || "CA".equals(receipt.ackCode())
                    || receipt.ackCode() == null && receipt.status().wasAccepted();
        }
    }

    private final Hl7Intake intake;

    BatchIntake(Hl7Intake intake) {
        this.intake = intake;
    }

    /**
     * Receives every part of the input; each is committed before the next is read.
     *
     * @param source how each message's peer is recorded: {@code source#n} for the n-th part
     * @throws IllegalStateException when a message could not be stored; the ones before it are stored
     */
    public Result receive(byte[] bytes, Channel channel, String source, Instant receivedAt) {
        Hl7Batch batch = Hl7Batch.split(bytes);
        List<Receipt> receipts = new ArrayList<>(batch.parts().size());
        for (Hl7Batch.Part part : batch.parts()) {
            receipts.add(intake.receive(new Arrival(part.bytes(), channel, source + "#" + part.number(), receivedAt)));
        }
        return new Result(batch, receipts);
    }
}
