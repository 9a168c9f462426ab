package org.claimbridge.claim;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import org.claimbridge.system.X12Schemas;
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
        this.professional = X12Schemas.load(ClaimKind.PROFESSIONAL.guide());
        this.institutional = X12Schemas.load(ClaimKind.INSTITUTIONAL.guide());
    }

    Schema control() {
        return control;
    }

    Schema forKind(ClaimKind kind) {
        return kind == ClaimKind.PROFESSIONAL ? professional : institutional;
    }
}
