package org.claimbridge.intake.mllp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.claimbridge.intake.Hl7Intake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens for HL7 v2 over MLLP: one thread per connection from a pool bounded by max-connections, so that a
 * connection that misbehaves costs its own thread and nothing else. Connections over the bound are closed on accept.
 */
@Component
public class MllpListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MllpListener.class);

    private final MllpProperties properties;
    private final Hl7Intake intake;
    private final AtomicInteger open = new AtomicInteger();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private volatile ThreadPoolExecutor connections;
    private volatile boolean running;

    MllpListener(MllpProperties properties, Hl7Intake intake) {
        this.properties = properties;
        this.intake = intake;
    }

    /** The port listened on, once started: the configured one, or the one taken for port 0. */
    public int port() {
        ServerSocket bound = server;
        if (bound == null) {
            throw new IllegalStateException("the MLLP listener is not listening");
        }
        return bound.getLocalPort();
    }

    int openConnections() {
        return open.get();
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("MLLP listener disabled (claimbridge.mllp.enabled=false)");
            return;
        }
        int max = Math.max(1, properties.maxConnections());
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(properties.port()), Math.max(50, max));
            server = socket;
        } catch (IOException e) {
            throw new IllegalStateException("could not listen for MLLP on port " + properties.port(), e);
        }
        AtomicInteger threadNumber = new AtomicInteger();
        // never more tasks than threads: the open count is checked before a task is handed over
        ThreadPoolExecutor pool = new ThreadPoolExecutor(max, max, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "mllp-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        connections = pool;
        running = true;
        Thread acceptor = new Thread(this::accept, "mllp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        log.info("Listening for HL7 v2 over MLLP on port {} (at most {} connections)", port(), max);
    }

    private void accept() {
        ServerSocket listening = server;
        while (running) {
            Socket socket;
            try {
                socket = listening.accept();
            } catch (IOException e) {
                if (running) {
                    // e.g. out of file descriptors: wait a little rather than spin, and keep listening
                    log.error("MLLP accept failed: {}", e.toString());
                    pause();
                }
                continue;
            }
            serve(socket);
        }
    }

    private void serve(Socket socket) {
        int max = Math.max(1, properties.maxConnections());
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            log.warn("MLLP connection from {} refused: {} connections open, claimbridge.mllp.max-connections is {}",
                    socket.getRemoteSocketAddress(), max, max);
            closeQuietly(socket);
            return;
        }
        sockets.add(socket);
        MllpConnection connection = new MllpConnection(socket, intake, properties);
        try {
            connections.execute(() -> {
                try {
                    log.debug("MLLP connection from {} opened", connection.peer());
                    connection.run();
                } finally {
                    sockets.remove(socket);
                    open.decrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            sockets.remove(socket);
            open.decrementAndGet();
            log.error("MLLP connection from {} could not be served", connection.peer(), e);
            closeQuietly(socket);
        }
    }

    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        closeQuietly(server);
        // wakes blocked readers; a message whose commit is under way is still committed (the journal stops after
        // this) but not acknowledged, and its sender's resend gets the original ACK
        sockets.forEach(MllpListener::closeQuietly);
        connections.shutdown();
        try {
            if (!connections.awaitTermination(10, TimeUnit.SECONDS)) {
                connections.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("MLLP listener stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the journal it feeds and stops before it. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 500;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (IOException e) {
            // closing is all that was wanted
        }
    }
}
