package org.claimbridge.intake.mllp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import ca.uhn.hl7v2.ErrorCode;
import org.claimbridge.intake.Arrival;
import org.claimbridge.intake.Channel;
import org.claimbridge.intake.Hl7Intake;
import org.claimbridge.intake.Hl7Problem;
import org.claimbridge.intake.Receipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sender's connection: each frame is handed to intake, and its ACKs written back only once it is committed.
 * Whatever goes wrong here ends this connection at worst, never the listener or another connection.
 */
final class MllpConnection implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(MllpConnection.class);

    /** The commit did not happen or did not say so in time: nothing may be acknowledged. */
    private static final class NotCommitted extends Exception {
        NotCommitted(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Socket socket;
    private final Hl7Intake intake;
    private final MllpProperties properties;
    private final String peer;

    MllpConnection(Socket socket, Hl7Intake intake, MllpProperties properties) {
        this.socket = socket;
        this.intake = intake;
        this.properties = properties;
        this.peer = peer(socket);
    }

    String peer() {
        return peer;
    }

    @Override
    public void run() {
        try (socket) {
            socket.setTcpNoDelay(true);
            int maxBytes = (int) Math.min(Integer.MAX_VALUE - 16, properties.maxMessageBytes().toBytes());
            MllpFrameReader frames = new MllpFrameReader(socket.getInputStream(), socket::setSoTimeout, maxBytes,
                    properties.idleTimeout(), properties.frameTimeout());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 8 * 1024);
            serve(frames, out, maxBytes);
        } catch (MllpFrameReader.Silent e) {
            log.info("MLLP connection from {} closed: {}", peer, e.getMessage());
        } catch (NotCommitted e) {
            log.warn("MLLP connection from {} closed without an ACK: {}", peer, e.getMessage(), e.getCause());
        } catch (IOException e) {
            log.info("MLLP connection from {} ended: {}", peer, e.toString());
        } catch (RuntimeException e) {
            log.error("MLLP connection from {} failed", peer, e);
        }
    }

    private void serve(MllpFrameReader frames, OutputStream out, int maxBytes) throws IOException, NotCommitted {
        while (!socket.isClosed()) {
            MllpFrame frame = frames.next();
            long skipped = frames.takeSkipped();
            if (skipped > 0) {
                log.warn("MLLP connection from {}: skipped {} byte(s) outside a frame", peer, skipped);
            }
            if (frame == null) {
                return;
            }
            Arrival arrival = new Arrival(frame.bytes(), Channel.MLLP, peer, Instant.now());
            switch (frame.ending()) {
                case END_BLOCK -> answer(out, committed(submit(arrival)));
                case TOO_LARGE -> {
                    log.warn("MLLP connection from {}: frame of {} bytes is over the {}-byte limit; its first bytes"
                            + " are kept and it is answered AR", peer, frame.length(), maxBytes);
                    answer(out, committed(intake.refuse(arrival, new Hl7Problem(Hl7Problem.Effect.REJECT,
                            ErrorCode.APPLICATION_INTERNAL_ERROR, null, 0, 0, "message of " + frame.length()
                            + " bytes is over claimbridge.mllp.max-message-bytes (" + maxBytes + " bytes): rejected,"
                            + " first " + maxBytes + " bytes kept"), true)));
                }
                default -> {
                    String why = switch (frame.ending()) {
                        case RESTARTED -> "a new start block came";
                        case CLOSED -> "the connection closed";
                        default -> "no end block within " + properties.frameTimeout();
                    };
                    log.warn("MLLP connection from {}: incomplete frame of {} bytes kept as ERROR: {}", peer,
                            frame.length(), why);
                    committed(intake.refuse(arrival, new Hl7Problem(Hl7Problem.Effect.ERROR,
                            ErrorCode.SEGMENT_SEQUENCE_ERROR, null, 0, 0, "incomplete MLLP frame: " + why + " after "
                            + frame.length() + " bytes, before the end block; no ACK could be sent"), false));
                    if (frame.ending() != MllpFrame.Ending.RESTARTED) {
                        return;
                    }
                }
            }
        }
    }

    /** A message intake fails on is still kept, as an application error the sender hears about (AE 207). */
    private CompletableFuture<Receipt> submit(Arrival arrival) {
        try {
            return intake.submit(arrival);
        } catch (RuntimeException e) {
            log.error("MLLP connection from {}: intake failed on a message; kept as ERROR and answered AE", peer, e);
            return intake.refuse(arrival, new Hl7Problem(Hl7Problem.Effect.ERROR, ErrorCode.APPLICATION_INTERNAL_ERROR,
                    null, 0, 0, "claimbridge could not read this message (" + e.getClass().getSimpleName()
                    + "): kept for review"), true);
        }
    }

    private Receipt committed(CompletableFuture<Receipt> receipt) throws NotCommitted {
        try {
            return receipt.get(properties.commitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new NotCommitted("the message could not be committed", e.getCause());
        } catch (TimeoutException e) {
            throw new NotCommitted("no commit within " + properties.commitTimeout(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotCommitted("interrupted while waiting for the commit", null);
        }
    }

    /** Each ACK in its own frame, in order; none in enhanced mode when the sender asked for none. */
    private static void answer(OutputStream out, Receipt receipt) throws IOException {
        String acks = receipt.ack();
        if (acks == null || acks.isEmpty()) {
            return;
        }
        for (String ack : acks.split("\n")) {
            out.write(MllpFrameReader.START_BLOCK);
            // ACKs carry no MSH-18; their only non-ASCII text would be ours, in UTF-8
            out.write(ack.getBytes(StandardCharsets.UTF_8));
            out.write(MllpFrameReader.END_BLOCK);
            out.write(MllpFrameReader.CARRIAGE_RETURN);
        }
        out.flush();
    }

    private static String peer(Socket socket) {
        if (socket.getRemoteSocketAddress() instanceof InetSocketAddress address) {
            return address.getAddress().getHostAddress() + ":" + address.getPort();
        }
        return String.valueOf(socket.getRemoteSocketAddress());
    }
}
