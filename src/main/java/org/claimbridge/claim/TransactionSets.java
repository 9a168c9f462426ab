package org.claimbridge.claim;

import java.util.ArrayList;
import java.util.List;

import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

/**
 * Renders claims into their transaction sets (ST to SE) with a StAEDI writer checked against the guide's schema
 * while it writes. Each claim is rendered alone into memory: what the schema refuses comes back as reasons instead of
 * bytes, so it never reaches a file. One per thread: the interchange's claims are rendered side by side, and the
 * file is put together from the results in order.
 */
final class TransactionSets implements AutoCloseable {

    /** One claim's transaction set, or why the guide refused it. */
    record Rendered(byte[] bytes, List<String> errors) {
        boolean refused() {
            return !errors.isEmpty();
        }
    }

    private final Staging out = new Staging(null);
    private final EDIStreamWriter writer;
    private final GuideSchemas schemas;
    private final ClaimSegments segments;
    private final List<String> errors = new ArrayList<>();
    private String context = "";
    private boolean validating;

    TransactionSets(InterchangeWriter.Envelope envelope, GuideSchemas schemas) throws EDIStreamException {
        this.schemas = schemas;
        this.writer = X12Writers.create(out, envelope.receiver().delimiters(), schemas,
                (error, w, location, data, reference) -> {
                    if (validating) {
                        errors.add(context + X12Writers.describe(location.getSegmentTag(),
                                location.getElementPosition(), location.getComponentPosition(), error.name(), data));
                    }
                });
        this.segments = new ClaimSegments(writer, loop -> this.context = loop, envelope);
        // the transaction sets are written inside an envelope of their own, which is thrown away: the file's
        // envelope is written once by the InterchangeWriter
        writer.startInterchange();
        X12Writers.isa(segments, envelope);
        X12Writers.gs(segments, envelope, ClaimKind.PROFESSIONAL, "1");
        writer.flush();
        out.discard();
    }

    Rendered render(ClaimDocument claim, String stControl) throws EDIStreamException {
        errors.clear();
        validating = true;
        try {
            // GS08 is not what selects the schema in StAEDI: each transaction set names its guide here
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
            out.discard();
            return new Rendered(null, List.copyOf(errors));
        }
        return new Rendered(out.take(), List.of());
    }

    @Override
    public void close() throws EDIStreamException {
        writer.close();
    }
}
