package org.claimbridge.intake.mllp;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain MLLP sender for tests and the benchmark: frames what it is given, reads framed ACKs. */
public final class MllpClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public MllpClient(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    public static MllpClient local(int port) throws IOException {
        return new MllpClient("127.0.0.1", port);
    }

    /** Sends one message framed, its segments separated as given, in UTF-8. */
    public MllpClient send(String message) throws IOException {
        return sendBytes(frame(message.getBytes(StandardCharsets.UTF_8)));
    }

    public MllpClient sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    public static byte[] frame(byte[] content) {
        byte[] framed = new byte[content.length + 3];
        framed[0] = 0x0B;
        System.arraycopy(content, 0, framed, 1, content.length);
        framed[content.length + 1] = 0x1C;
        framed[content.length + 2] = 0x0D;
        return framed;
    }

    /** Sends a message and reads the one ACK it gets. */
    public String exchange(String message) throws IOException {
        send(message);
        return readAck();
    }

    /** The next framed ACK, or null if the server closed the connection first. */
    public String readAck() throws IOException {
        int b;
        do {
            b = in.read();
            if (b < 0) {
                return null;
            }
        } while (b != 0x0B);
        ByteArrayOutputStream content = new ByteArrayOutputStream(256);
        while ((b = in.read()) != 0x1C) {
            if (b < 0) {
                throw new IOException("connection closed inside an ACK frame");
            }
            content.write(b);
        }
        if (in.read() != 0x0D) {
            throw new IOException("ACK frame not ended by 0x1C 0x0D");
        }
        return content.toString(StandardCharsets.UTF_8);
    }

    /** Whether nothing arrives within the given time (the connection stays open and silent). */
    public boolean silentFor(Duration duration) throws IOException {
        socket.setSoTimeout((int) duration.toMillis());
        try {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            throw new IOException("unexpected byte 0x" + Integer.toHexString(b));
        } catch (SocketTimeoutException e) {
            return true;
        } finally {
            socket.setSoTimeout(10_000);
        }
    }

    /** Whether the server closes the connection within the given time, sending nothing. */
    public boolean closedByServerWithin(Duration duration) throws IOException {
        socket.setSoTimeout((int) duration.toMillis());
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            // a reset is a close too
            return true;
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(10_000);
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
