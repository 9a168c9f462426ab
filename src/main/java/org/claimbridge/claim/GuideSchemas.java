package org.claimbridge.claim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The StAEDI schemas claims are checked against while they are written: the X12 005010 envelope and one
 * implementation schema per guide ({@code x12/005010X222A1.xml}, {@code x12/005010X223A2.xml}). Loaded once: a
 * schema is immutable and shared by every writer.
 */
@Component
class GuideSchemas {

    private final Schema control;
    private final Schema professional;
    private final Schema institutional;

    GuideSchemas() {
        SchemaFactory factory = SchemaFactory.newFactory();
        try {
            this.control = factory.getControlSchema(EDIStreamConstants.Standards.X12, new String[] {"00501"});
        } catch (EDISchemaException e) {
            throw new IllegalStateException("the X12 00501 envelope schema could not be loaded", e);
        }
        this.professional = load(factory, ClaimKind.PROFESSIONAL);
        this.institutional = load(factory, ClaimKind.INSTITUTIONAL);
    }

    private static Schema load(SchemaFactory factory, ClaimKind kind) {
        String path = "x12/" + kind.guide() + ".xml";
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return factory.createSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the " + kind.guide() + " schema " + path + " could not be read", e);
        } catch (EDISchemaException e) {
            throw new IllegalStateException("the " + kind.guide() + " schema " + path + " is not valid: "
                    + e.getMessage(), e);
        }
    }

    Schema control() {
        return control;
    }

    Schema forKind(ClaimKind kind) {
        return kind == ClaimKind.PROFESSIONAL ? professional : institutional;
    }
}
