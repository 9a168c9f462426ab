package org.claimbridge.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.claimbridge.system.ClaimbridgeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Watches {@code ${claimbridge.data-dir}/inbox/hl7} for files of HL7 messages. Each complete file is received
 * message by message, then moved to {@code done/} (every message accepted) or {@code error/} (anything refused, or
 * an envelope that does not add up), with a report of every message next to it.
 * <p>
 * A file stays in the inbox until all its messages are committed, so a crash half-way through leaves it to be taken
 * again; the messages already stored then come back as exact resends, which intake stores once.
 */
@Component
class DropFolder implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DropFolder.class);

    /** Names that writers use while a file is not finished yet. */
    private static final List<String> UNFINISHED_SUFFIXES = List.of(".tmp", ".part", ".partial", ".filepart",
            ".crdownload", ".swp");

    private final Path inbox;
    private final Path done;
    private final Path error;
    private final InboxProperties properties;
    private final BatchIntake intake;
    private final DropFolderReport report;
    /** Files already reported as unreadable (name and modification time), so each is logged once. */
    private final Set<String> unreadable = new HashSet<>();

    DropFolder(ClaimbridgeProperties claimbridge, InboxProperties properties, BatchIntake intake,
               MessageQueries queries) {
        this.inbox = claimbridge.inbox("hl7");
        this.done = inbox.resolve("done");
        this.error = inbox.resolve("error");
        this.properties = properties;
        this.intake = intake;
        this.report = new DropFolderReport(queries);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.enabled()) {
            log.info("Watching {} for HL7 files every {}", inbox.toAbsolutePath(), properties.pollInterval());
            registrar.addFixedDelayTask(this::poll, properties.pollInterval());
        }
    }

    /** Takes every complete file now in the inbox, oldest first. */
    void poll() {
        List<Path> files;
        try {
            Files.createDirectories(done);
            Files.createDirectories(error);
            files = completeFiles();
        } catch (IOException e) {
            log.error("Cannot read the HL7 inbox {}: {}", inbox.toAbsolutePath(), e.toString());
            return;
        }
        for (Path file : files) {
            try {
                take(file);
            } catch (IntakeUnavailable e) {
                // the database or the journal is gone: every later file would fail the same way
                log.error("HL7 file {} left in the inbox for the next look: {}", file.getFileName(), e.getMessage());
                return;
            } catch (IOException | RuntimeException e) {
                log.error("HL7 file {} could not be processed; moving on to the next", file.getFileName(), e);
                setAside(file, "processing failed: " + e);
            }
        }
    }

    private List<Path> completeFiles() throws IOException {
        Instant settled = Instant.now().minus(properties.settleTime());
        List<Candidate> candidates = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(inbox)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") || isUnfinished(name) || !Files.isRegularFile(entry)) {
                    continue;
                }
                try {
                    FileTime modified = Files.getLastModifiedTime(entry);
                    if (modified.toInstant().isBefore(settled)) {
                        candidates.add(new Candidate(entry, modified));
                    }
                } catch (NoSuchFileException gone) {
                    // taken or removed since the listing
                }
            }
        }
        // oldest first: the order the practice wrote them is the best guess of the order they mean
        candidates.sort(Comparator.comparing(Candidate::modified).thenComparing(c -> c.file().getFileName()));
        return candidates.stream().map(Candidate::file).toList();
    }

    private record Candidate(Path file, FileTime modified) {
    }

    private static boolean isUnfinished(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return UNFINISHED_SUFFIXES.stream().anyMatch(lower::endsWith);
    }

    private void take(Path file) throws IOException {
        String name = file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException gone) {
            return;
        } catch (IOException e) {
            setAsideUnreadable(file, e);
            return;
        }
        Instant now = Instant.now();
        BatchIntake.Result result;
        try {
            result = intake.receive(bytes, Channel.FILE, name, now);
        } catch (IllegalStateException e) {
            throw new IntakeUnavailable(e.getMessage(), e);
        }
        boolean accepted = result.allAccepted();
        Path target = freeName(accepted ? done : error, name);
        Files.writeString(reportOf(target), report.of(name, bytes.length, now, result), StandardCharsets.UTF_8);
        move(file, target);
        long refused = result.receipts().stream().filter(r -> !BatchIntake.Result.accepted(r)).count();
        log.info("HL7 file {}: {} message(s), {} refused, moved to {}", name, result.receipts().size(), refused,
                inbox.relativize(target));
    }

    private void setAsideUnreadable(Path file, IOException cause) {
        if (setAside(file, "the file could not be read, no message was taken: " + cause)) {
            log.warn("HL7 file {} could not be read ({}); moved to error/", file.getFileName(), cause.toString());
        }
    }

    /**
     * Moves a file that could not be taken to error/ with a report saying why, so that it is neither lost nor tried
     * again at every look; if even that fails it stays, and is logged once.
     */
    private boolean setAside(Path file, String why) {
        String name = file.getFileName().toString();
        try {
            if (!Files.exists(file)) {
                return false;
            }
            Path target = freeName(error, name);
            Files.writeString(reportOf(target), report.failed(name, Instant.now(), why), StandardCharsets.UTF_8);
            move(file, target);
            return true;
        } catch (IOException | RuntimeException e) {
            String key = name + "@" + lastModified(file);
            if (unreadable.add(key)) {
                log.error("HL7 file {} cannot be moved to error/ ({}); it stays in the inbox", name, e.toString());
            }
            return false;
        }
    }

    private static String lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    private static void move(Path file, Path target) throws IOException {
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(file, target);
        }
    }

    /** The file's own name, or name.2.ext, name.3.ext... when the same name was processed before. */
    static Path freeName(Path folder, String name) {
        Path candidate = folder.resolve(name);
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; Files.exists(candidate) || Files.exists(reportOf(candidate)); n++) {
            candidate = folder.resolve(base + "." + n + extension);
        }
        return candidate;
    }

    static Path reportOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".report.txt");
    }

    /** Intake could not store a message: not this file's fault. */
    private static final class IntakeUnavailable extends RuntimeException {
        IntakeUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
