package org.claimbridge.claim;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Holds what a StAEDI writer wrote since the last commit, so that what the guide refuses never reaches the file
 * and a group header waits for its group's first claim.
 */
final class Staging extends OutputStream {

    private final OutputStream target;
    private byte[] pending = new byte[16384];
    private int size;

    /** @param target where committed bytes go; null for a writer whose bytes are only ever taken */
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
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, size + more));
        }
    }

    /** Everything written since the last commit, discard or take. */
    byte[] take() {
        byte[] taken = Arrays.copyOf(pending, size);
        size = 0;
        return taken;
    }

    void discard() {
        size = 0;
    }

    void commit() {
        try {
            target.write(pending, 0, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        size = 0;
    }

    /** Bytes that did not come from this stream's writer: a transaction set rendered elsewhere. */
    void commitAlso(byte[] bytes) {
        commit();
        try {
            target.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void flush() {
        // the target is flushed by whoever owns it, once the file is whole
    }
}
