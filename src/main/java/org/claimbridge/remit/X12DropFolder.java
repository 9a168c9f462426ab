package org.claimbridge.remit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.claimbridge.system.ClaimbridgeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Watches {@code ${claimbridge.data-dir}/inbox/x12} for 999, 277CA and 835 files. A finished file (not modified for
 * the settle time, not named like a partial download) is stored and applied, then moved to {@code done/} or, when
 * anything in it failed, to {@code error/} with the reasons in a {@code .txt} next to it. It stays in the inbox until
 * it is stored, so a crash leaves it to be taken again, and the same bytes are never applied twice.
 */
@Component
class X12DropFolder implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(X12DropFolder.class);
    private static final List<String> UNFINISHED = List.of(".tmp", ".part", ".partial", ".filepart", ".crdownload");

    private final Path inbox;
    private final RemitProperties properties;
    private final X12Receipts receipts;

    X12DropFolder(ClaimbridgeProperties claimbridge, RemitProperties properties, X12Receipts receipts) {
        this.inbox = claimbridge.inbox("x12");
        this.properties = properties;
        this.receipts = receipts;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.inboxEnabled()) {
            registrar.addFixedDelayTask(this::poll, properties.pollInterval());
        }
    }

    void poll() {
        try {
            Files.createDirectories(inbox);
            List<Path> ready;
            try (Stream<Path> files = Files.list(inbox)) {
                Instant settled = Instant.now().minus(properties.settleTime());
                // in the order they arrived: a 999 applied before the 277CA that follows it
                ready = files.filter(Files::isRegularFile).filter(this::finished)
                        .filter(p -> modified(p).isBefore(settled))
                        .sorted(Comparator.comparing(X12DropFolder::modified).thenComparing(Path::toString)).toList();
            }
            for (Path file : ready) {
                take(file);
            }
        } catch (IOException | RuntimeException e) {
            log.error("X12 inbox {} could not be read: {}", inbox, e.getMessage());
        }
    }

    private boolean finished(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && UNFINISHED.stream().noneMatch(name::endsWith);
    }

    private void take(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        X12Receipts.Receipt receipt = receipts.receive(content, X12Receipts.Channel.FILE,
                file.getFileName().toString(), "x12 inbox");
        boolean ok = receipt.status().equals("APPLIED") || receipt.status().equals("DUPLICATE");
        Path target = inbox.resolve(ok ? "done" : "error");
        Files.createDirectories(target);
        Path moved = target.resolve(file.getFileName());
        Files.move(file, moved, StandardCopyOption.REPLACE_EXISTING);
        StringBuilder report = new StringBuilder("file " + receipt.fileId() + ": " + receipt.status() + "\n");
        receipt.errors().forEach(e -> report.append(e).append('\n'));
        receipt.sets().forEach(s -> report.append("ST ").append(s.type()).append(' ').append(s.stControl())
                .append(": ").append(s.status()).append(" - ").append(s.summary()).append('\n'));
        Files.writeString(target.resolve(file.getFileName() + ".txt"), report);
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.now();
        }
    }
}
