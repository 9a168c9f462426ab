package org.claimbridge.demo.payer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic chance: every draw is a hash of the seed and what it is about (the interchange, the claim, the
 * question asked), never a sequence. So a draw does not depend on the order claims are read in or on the other draws,
 * the same 837 and seed always give the same answers, and a claim sent again in another interchange is drawn anew.
 */
final class Draws {

    private final long seed;

    Draws(long seed) {
        this.seed = seed;
    }

    /** A number in [0, 1). */
    double uniform(String... about) {
        return (hash(about).getLong(0) >>> 11) * 0x1.0p-53;
    }

    /** {@code count} decimal digits, e.g. for a payer claim control number or a trace number. */
    String digits(int count, String... about) {
        ByteBuffer hash = hash(about);
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append(Math.floorMod(hash.get(i % hash.capacity()) + i / hash.capacity() * 7, 10));
        }
        return digits.toString();
    }

    private ByteBuffer hash(String... about) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Long.toString(seed).getBytes(StandardCharsets.US_ASCII));
            for (String part : about) {
                sha.update((byte) 0x1f);
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
            }
            return ByteBuffer.wrap(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
