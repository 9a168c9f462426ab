package org.claimbridge.remit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import org.springframework.core.io.ClassPathResource;

/**
 * The StAEDI schemas received transaction sets are checked against, by transaction and guide: 999 (005010X231A1),
 * 277CA (005010X214), 835 (005010X221A1). Loaded once; a schema is immutable and shared by every reader.
 */
final class ResponseSchemas {

    private static final Map<String, Schema> BY_GUIDE = Map.of(
            "999|005010X231A1", load("005010X231A1"),
            "277|005010X214", load("005010X214"),
            "835|005010X221A1", load("005010X221A1"));

    private ResponseSchemas() {
    }

    /** The schema for ST01 and the guide (ST03, else GS08); null when claimbridge has none. */
    static Schema of(String transaction, String guide) {
        return BY_GUIDE.get(transaction + "|" + guide);
    }

    private static Schema load(String guide) {
        String path = "x12/" + guide + ".xml";
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return SchemaFactory.newFactory().createSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the " + guide + " schema " + path + " could not be read", e);
        } catch (EDISchemaException e) {
            throw new IllegalStateException("the " + guide + " schema " + path + " is not valid: " + e.getMessage(),
                    e);
        }
    }
}
