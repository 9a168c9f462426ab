package org.claimbridge.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import org.springframework.core.io.ClassPathResource;

/** The StAEDI implementation schemas in {@code src/main/resources/x12/}, one per implementation guide. */
public final class X12Schemas {

    private X12Schemas() {
    }

    /** The schema of a guide, e.g. {@code 005010X222A1}; a schema is immutable and may be shared by any reader. */
    public static Schema load(String guide) {
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
