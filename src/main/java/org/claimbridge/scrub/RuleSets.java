package org.claimbridge.scrub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The active rule set, loaded from the rules folder and reloaded when its files change. A folder that does not
 * load keeps the last good set active; why it did not load is in {@link #lastLoad()}.
 */
@Service
public class RuleSets {

    private static final Logger log = LoggerFactory.getLogger(RuleSets.class);

    private final Path dir;
    private final Clock clock;
    private volatile RuleSet current = RuleSet.empty();
    private volatile RuleLoad lastLoad;

    RuleSets(RuleProperties properties) {
        this.dir = properties.dir();
        this.clock = Clock.systemUTC();
        reload();
    }

    /** Rule sets read from a folder, polled only when asked ({@link #reloadIfChanged()}). */
    static RuleSets forFolder(Path dir) {
        return new RuleSets(new RuleProperties(dir, java.time.Duration.ofSeconds(10)));
    }

    /** The rule set scrubs use now: the last one that loaded without errors. */
    public RuleSet current() {
        return current;
    }

    /** The last load attempt, with its errors when it did not become current. */
    public RuleLoad lastLoad() {
        return lastLoad;
    }

    /** Loads the folder when its content differs from what was last tried; a bad folder is not retried until edited. */
    @Scheduled(fixedDelayString = "${claimbridge.rules.reload-interval:10s}",
            initialDelayString = "${claimbridge.rules.reload-interval:10s}")
    public synchronized RuleLoad reloadIfChanged() {
        Map<String, String> files = files();
        if (lastLoad != null && version(files).equals(lastLoad.version())) {
            return lastLoad;
        }
        return load(files);
    }

    /** Loads the folder now, whatever was tried before. */
    public synchronized RuleLoad reload() {
        return load(files());
    }

    private RuleLoad load(Map<String, String> files) {
        String version = version(files);
        List<RuleFileError> errors = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        Map<String, Rule> byId = new HashMap<>();
        files.forEach((name, text) -> {
            RuleFileReader.Result result = RuleFileReader.read(name, text);
            errors.addAll(result.errors());
            for (Rule rule : result.rules()) {
                Rule other = byId.putIfAbsent(rule.id(), rule);
                if (other != null) {
                    errors.add(new RuleFileError(name, rule.line(), rule.id(), "duplicate rule id, already defined in "
                            + other.file() + " line " + other.line()));
                } else {
                    rules.add(rule);
                }
            }
        });
        RuleLoad load = new RuleLoad(version, clock.instant(), List.copyOf(errors));
        lastLoad = load;
        if (errors.isEmpty()) {
            current = new RuleSet(version, List.copyOf(files.keySet()), rules.size(), load.at(), List.copyOf(rules));
            log.info("Rule set {} active: {} rules from {}", version, rules.size(), files.keySet());
        } else {
            log.warn("Rules in {} not loaded, rule set {} stays active:\n  {}", dir, current.version(),
                    String.join("\n  ", errors.stream().map(RuleFileError::toString).toList()));
        }
        return load;
    }

    /** The rule files by name, in name order so the version does not depend on directory listing order. */
    private Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            log.warn("Rules folder {} does not exist; no rules", dir);
            return files;
        }
        try (Stream<Path> paths = Files.list(dir)) {
            for (Path path : paths.filter(p -> {
                String name = p.getFileName().toString();
                return Files.isRegularFile(p) && (name.endsWith(".yaml") || name.endsWith(".yml"));
            }).sorted().toList()) {
                files.put(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rules folder " + dir, e);
        }
        return files;
    }

    static String version(Map<String, String> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((name, text) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            // 16 hex digits tell sets apart and stay short enough to read on a finding
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
