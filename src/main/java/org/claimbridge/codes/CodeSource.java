package org.claimbridge.codes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import org.springframework.core.io.Resource;

/**
 * A code file read whole: the largest CMS file (HCPCS, about 20 MB) fits comfortably, and holding the bytes lets
 * the same file loaded twice be recognised by its hash.
 */
record CodeSource(String name, byte[] content) {

    static CodeSource of(Path file) {
        try {
            return new CodeSource(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new CodeFileException(file.toString(), "cannot be read", e);
        }
    }

    static CodeSource of(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new CodeSource(resource.getDescription(), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(resource.getDescription() + " cannot be read", e);
        }
    }

    // CMS publishes these files in ASCII; anything else is decoded leniently rather than refused
    List<String> lines() {
        return new String(content, StandardCharsets.UTF_8).lines().toList();
    }

    byte[] sha256() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
