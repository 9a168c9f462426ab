package org.claimbridge.claim;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import tools.jackson.databind.json.JsonMapper;

/** A claim's document as stored: JSON, deflated, since a run stores a hundred thousand of them. */
final class ClaimDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ClaimDocuments() {
    }

    static byte[] encode(ClaimDocument document) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (OutputStream out = new DeflaterOutputStream(bytes, deflater)) {
            JSON.writeValue(out, document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    static ClaimDocument decode(byte[] stored) {
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(stored))) {
            return JSON.readValue(in, ClaimDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
