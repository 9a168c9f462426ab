package org.claimbridge.system;

import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

/**
 * Writes an X12 segment with StAEDI from positional values: a {@code String} is a simple element, a
 * {@code String[]} a composite's components, null or "" an empty one; trailing empty elements and components are
 * left out, as X12 wants.
 */
public final class X12Segments {

    private X12Segments() {
    }

    public static void write(EDIStreamWriter writer, String tag, Object... elements) throws EDIStreamException {
        int last = elements.length - 1;
        while (last >= 0 && isEmpty(elements[last])) {
            last--;
        }
        writer.writeStartSegment(tag);
        for (int i = 0; i <= last; i++) {
            Object element = elements[i];
            if (element instanceof String[] components) {
                int lastComponent = components.length - 1;
                while (lastComponent >= 0 && isEmpty(components[lastComponent])) {
                    lastComponent--;
                }
                writer.writeStartElement();
                for (int c = 0; c <= lastComponent; c++) {
                    if (isEmpty(components[c])) {
                        writer.writeEmptyComponent();
                    } else {
                        writer.writeComponent(components[c]);
                    }
                }
                writer.endElement();
            } else if (isEmpty(element)) {
                writer.writeEmptyElement();
            } else {
                writer.writeElement((String) element);
            }
        }
        writer.writeEndSegment();
    }

    private static boolean isEmpty(Object element) {
        if (element == null) {
            return true;
        }
        if (element instanceof String s) {
            return s.isEmpty();
        }
        for (String c : (String[]) element) {
            if (c != null && !c.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
