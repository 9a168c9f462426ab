package org.claimbridge.claim;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import org.claimbridge.practice.Receiver;
import org.claimbridge.practice.Submitter;

/**
 * Writes one 837 interchange with StAEDI, checked against the implementation guide's schema while it is written.
 * Each claim is its own transaction set, staged in memory until its SE: a claim the guide refuses is left out whole
 * (its reasons returned) and the file goes on, and a 999 answers for exactly one claim.
 */
final class InterchangeWriter implements AutoCloseable {

    /** The envelope: who sends, who receives, the ISA13 and when. */
    record Envelope(Receiver receiver, Submitter submitter, String isaControl, LocalDateTime at) {
    }

    private final Staging out;
    private final EDIStreamWriter writer;
    private final GuideSchemas schemas;
    private final Envelope envelope;
    private final List<String> errors = new ArrayList<>();
    private final ClaimSegments segments;
    private String context = "";
    private int groups;
    private int groupTransactions;
    private boolean validating;

    InterchangeWriter(OutputStream target, Envelope envelope, GuideSchemas schemas) throws EDIStreamException {
        this.out = new Staging(target);
        this.envelope = envelope;
        this.schemas = schemas;
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIOutputFactory.TRUNCATE_EMPTY_ELEMENTS, true);
        factory.setProperty(EDIStreamConstants.Delimiters.SEGMENT, envelope.receiver().delimiters().segment());
        factory.setProperty(EDIStreamConstants.Delimiters.DATA_ELEMENT, envelope.receiver().delimiters().element());
        factory.setProperty(EDIStreamConstants.Delimiters.COMPONENT_ELEMENT,
                envelope.receiver().delimiters().component());
        factory.setProperty(EDIStreamConstants.Delimiters.REPETITION, envelope.receiver().delimiters().repetition());
        factory.setErrorReporter((error, w, location, data, reference) -> {
            if (validating) {
                errors.add(context + describe(location.getSegmentTag(), location.getElementPosition(),
                        location.getComponentPosition(), error.name(), data));
            }
        });
        this.writer = factory.createEDIStreamWriter(out, "US-ASCII");
        this.writer.setControlSchema(schemas.control());
        this.segments = new ClaimSegments(writer, this::context, envelope);
        writer.startInterchange();
        isa();
    }

    private void context(String loop) {
        this.context = loop;
    }

    private static String describe(String segment, int element, int component, String error, CharSequence data) {
        StringBuilder b = new StringBuilder();
        b.append(segment == null ? "?" : segment);
        if (element > 0) {
            b.append(String.format(Locale.ROOT, "%02d", element));
            if (component > 0) {
                b.append('-').append(component);
            }
        }
        b.append(' ').append(error.toLowerCase(Locale.ROOT).replace('_', ' '));
        if (data != null && data.length() > 0) {
            b.append(" (").append(data).append(')');
        }
        return b.toString();
    }

    private void isa() throws EDIStreamException {
        Receiver receiver = envelope.receiver();
        Submitter submitter = envelope.submitter();
        LocalDateTime at = envelope.at();
        segments.segment("ISA", "00", " ".repeat(10), "00", " ".repeat(10), submitter.idQualifier(),
                pad(submitter.id()), receiver.idQualifier(), pad(receiver.interchangeId()),
                at.format(DateTimeFormatter.ofPattern("yyMMdd")), at.format(X12Text.TIME),
                String.valueOf(receiver.delimiters().repetition()), "00501", envelope.isaControl(), "0",
                String.valueOf(receiver.usage()), String.valueOf(receiver.delimiters().component()));
        commit();
    }

    private static String pad(String id) {
        return String.format(Locale.ROOT, "%-15s", id);
    }

    /** Starts the functional group of one guide. */
    void startGroup(ClaimKind kind, String gsControl) throws EDIStreamException {
        LocalDateTime at = envelope.at();
        segments.segment("GS", "HC", envelope.submitter().applicationCode(),
                envelope.receiver().applicationCode(), at.format(X12Text.DATE), at.format(X12Text.TIME),
                gsControl, "X", kind.guide());
        // not committed yet: the header goes out with the group's first accepted claim
        writer.flush();
        currentGroup = gsControl;
        currentKind = kind;
        groupTransactions = 0;
    }

    private String currentGroup;
    private ClaimKind currentKind;

    /**
     * Writes one claim as transaction set {@code stControl}.
     *
     * @return empty when it is in the file, else why the guide refused it (it is then not in the file)
     */
    List<String> write(ClaimDocument claim, String stControl) throws EDIStreamException {
        if (claim.kind() != currentKind) {
            throw new IllegalStateException("a " + claim.kind() + " claim in a " + currentKind + " group");
        }
        errors.clear();
        writer.flush();
        out.startClaim();
        validating = true;
        try {
            writer.setTransactionSchema(schemas.forKind(claim.kind()));
            segments.claim(claim, stControl);
        } catch (EDIStreamException | RuntimeException e) {
            // a claim the writer cannot even put into segments is refused like one the schema refuses
            errors.add(context + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } finally {
            validating = false;
        }
        writer.flush();
        if (!errors.isEmpty()) {
            out.discardClaim();
            return List.copyOf(errors);
        }
        out.commit();
        groupTransactions++;
        return List.of();
    }

    /** @return whether the group went into the file (false when every claim in it was refused) */
    boolean endGroup() throws EDIStreamException {
        segments.segment("GE", String.valueOf(groupTransactions), currentGroup);
        writer.flush();
        currentKind = null;
        if (groupTransactions == 0) {
            out.discardAll();
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
        commit();
    }

    private void commit() throws EDIStreamException {
        writer.flush();
        out.commit();
    }

    @Override
    public void close() throws EDIStreamException {
        writer.close();
    }

    /**
     * Holds what the writer wrote since the last commit, so a refused claim never reaches the file: a group header
     * waits for its group's first accepted claim, and a group without one leaves no trace.
     */
    private static final class Staging extends OutputStream {
        private final OutputStream target;
        private byte[] pending = new byte[16384];
        private int size;
        private int claimStart;

        Staging(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            ensure(1);
            pending[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, pending, size, len);
            size += len;
        }

        private void ensure(int more) {
            if (size + more > pending.length) {
                pending = java.util.Arrays.copyOf(pending, Math.max(pending.length * 2, size + more));
            }
        }

        /** Where the claim now being written starts; a discard goes back to here. */
        void startClaim() {
            claimStart = size;
        }

        void discardClaim() {
            size = claimStart;
        }

        /** Drops everything not yet committed (a group that ended up without claims). */
        void discardAll() {
            size = 0;
            claimStart = 0;
        }

        void commit() {
            try {
                target.write(pending, 0, size);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            size = 0;
            claimStart = 0;
        }

        @Override
        public void flush() {
            // the target is flushed by whoever owns it, once the file is whole
        }
    }
}
