package org.claimbridge.claim;

import java.io.OutputStream;
import java.time.LocalDateTime;

import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import org.claimbridge.practice.Receiver;
import org.claimbridge.practice.Submitter;

/**
 * Writes one 837 interchange's envelope with StAEDI (ISA, a GS per guide, GE, IEA) around transaction sets that
 * {@link TransactionSets} rendered and the guide's schema accepted. A group header waits for its group's first
 * claim, so a group whose claims were all refused leaves no trace.
 */
final class InterchangeWriter implements AutoCloseable {

    /** The envelope: who sends, who receives, the ISA13 and when. */
    record Envelope(Receiver receiver, Submitter submitter, String isaControl, LocalDateTime at) {
    }

    private final Staging out;
    private final EDIStreamWriter writer;
    private final Envelope envelope;
    private final ClaimSegments segments;
    private String currentGroup;
    private ClaimKind currentKind;
    private int groups;
    private int groupTransactions;

    InterchangeWriter(OutputStream target, Envelope envelope, GuideSchemas schemas) throws EDIStreamException {
        this.out = new Staging(target);
        this.envelope = envelope;
        // the envelope's own checks report a group without the transaction sets written through this writer; the
        // counts written are the file's, and the file is read back whole by the tests
        this.writer = X12Writers.create(out, envelope.receiver().delimiters(), schemas,
                (error, w, location, data, reference) -> { });
        this.segments = new ClaimSegments(writer, loop -> { }, envelope);
        writer.startInterchange();
        X12Writers.isa(segments, envelope);
        writer.flush();
        out.commit();
    }

    /** Starts the functional group of one guide. */
    void startGroup(ClaimKind kind, String gsControl) throws EDIStreamException {
        X12Writers.gs(segments, envelope, kind, gsControl);
        writer.flush();
        currentGroup = gsControl;
        currentKind = kind;
        groupTransactions = 0;
    }

    ClaimKind currentKind() {
        return currentKind;
    }

    /** Adds a transaction set of the current group's guide, as rendered. */
    void append(ClaimKind kind, byte[] transactionSet) {
        if (kind != currentKind) {
            throw new IllegalStateException("a " + kind + " claim in a " + currentKind + " group");
        }
        out.commitAlso(transactionSet);
        groupTransactions++;
    }

    /** @return whether the group went into the file (false when every claim in it was refused) */
    boolean endGroup() throws EDIStreamException {
        segments.segment("GE", String.valueOf(groupTransactions), currentGroup);
        writer.flush();
        currentKind = null;
        if (groupTransactions == 0) {
            out.discard();
            return false;
        }
        out.commit();
        groups++;
        return true;
    }

    /** Writes IEA; the caller closes the stream. */
    void finish() throws EDIStreamException {
        segments.segment("IEA", String.valueOf(groups), envelope.isaControl());
        writer.endInterchange();
        writer.flush();
        out.commit();
    }

    @Override
    public void close() throws EDIStreamException {
        writer.close();
    }
}
