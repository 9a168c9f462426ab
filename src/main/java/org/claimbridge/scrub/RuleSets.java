package org.claimbridge.scrub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    private static final String PAYERS = "payers/";
    private static final long LARGE_FILE = 1 << 20;

    private final Path dir;
    private final Clock clock;
    private volatile RuleSet current = RuleSet.empty();
    private volatile RuleLoad lastLoad;
    private final Map<Path, HashedFile> largeFiles = new HashMap<>();

    RuleSets(RuleProperties properties) {
        this.dir = properties.dir();
        this.clock = Clock.systemUTC();
        reload();
    }

    /** Rule sets read from a folder, polled only when asked ({@link #reloadIfChanged()}). */
    static RuleSets forFolder(Path dir) {
        return new RuleSets(RuleProperties.of(dir, java.time.Duration.ofSeconds(10)));
    }

    /** The folder the rules are read from ({@code claimbridge.rules.dir}). */
    public Path folder() {
        return dir;
    }

    /** The payer's timely-filing limit in days for a date of service, from the active payer profiles, if it has one. */
    public java.util.Optional<Integer> timelyFilingDays(String payerId, java.time.LocalDate serviceDate) {
        ClaimContext.Payer payer = current().payers().resolve(payerId, serviceDate);
        return java.util.Optional.ofNullable(payer == null ? null : payer.timelyFilingDays());
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
        Map<String, Path> files = files();
        if (lastLoad != null && version(files).equals(lastLoad.version())) {
            return lastLoad;
        }
        return load(files);
    }

    /** Loads the folder now, whatever was tried before. */
    public synchronized RuleLoad reload() {
        return load(files());
    }

    /**
     * Reads a rule file that is not in the folder (a dry run's candidate) as the folder's own would be read: its
     * edit tables from the folder. Nothing becomes active.
     */
    RuleFileReader.Result readCandidate(String file, String text) {
        return RuleFileReader.read(file, text, new FolderTables(files()));
    }

    private RuleLoad load(Map<String, Path> files) {
        String version = version(files);
        List<RuleFileError> errors = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        Map<String, Rule> byId = new HashMap<>();
        FolderTables tables = new FolderTables(files);
        List<String> ruleFiles = files.keySet().stream().filter(RuleSets::isRuleFile).toList();
        for (String name : ruleFiles) {
            RuleFileReader.Result result = RuleFileReader.read(name, read(files.get(name)), tables);
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
        }
        PayerProfiles payers = payers(files, errors);
        RuleLoad load = new RuleLoad(version, clock.instant(), List.copyOf(errors));
        lastLoad = load;
        if (errors.isEmpty()) {
            current = new RuleSet(version, List.copyOf(files.keySet()), rules.size(), load.at(), List.copyOf(rules),
                    payers);
            log.info("Rule set {} active: {} rules, {} payer profiles, from {}", version, rules.size(), payers.size(),
                    files.keySet());
        } else {
            log.warn("Rules in {} not loaded, rule set {} stays active:\n  {}", dir, current.version(),
                    String.join("\n  ", errors.stream().map(RuleFileError::toString).toList()));
        }
        return load;
    }

    private static PayerProfiles payers(Map<String, Path> files, List<RuleFileError> errors) {
        Map<String, List<ClaimContext.Payer>> byId = new LinkedHashMap<>();
        Map<String, String> fileOf = new HashMap<>();
        files.forEach((name, path) -> {
            if (!name.startsWith(PAYERS) || !isYaml(name)) {
                return;
            }
            PayerProfileReader.Result result = PayerProfileReader.read(name, read(path));
            errors.addAll(result.errors());
            if (result.payerId() == null) {
                return;
            }
            String other = fileOf.putIfAbsent(result.payerId(), name);
            if (other != null) {
                errors.add(new RuleFileError(name, result.line(), null, "payer " + result.payerId()
                        + " already has a profile in " + other));
            } else {
                byId.put(result.payerId(), result.versions());
            }
        });
        return new PayerProfiles(Map.copyOf(byId));
    }

    /** Edit tables read once per load, however many rules name them; a table a rule names must be in the folder. */
    private static final class FolderTables implements RuleFileReader.Tables {

        private final Map<String, Path> files;
        private final Map<String, EditTable> read = new HashMap<>();
        private final Map<String, EditKind> kinds = new HashMap<>();

        FolderTables(Map<String, Path> files) {
            this.files = files;
        }

        @Override
        public EditTable table(String name, EditKind kind, String ruleId, List<RuleFileError> errors) {
            Path path = files.get(name);
            if (path == null || !name.endsWith(".csv")) {
                return null;
            }
            EditKind before = kinds.putIfAbsent(name, kind);
            if (before != null && before != kind) {
                errors.add(new RuleFileError(name, 1, ruleId, "read as a " + kind.name + " table here and as a "
                        + before.name + " table by another rule"));
                return null;
            }
            if (read.containsKey(name)) {
                return read.get(name);
            }
            List<RuleFileError> tableErrors = new ArrayList<>();
            EditTable table = kind.read(name, read(path), ruleId, tableErrors);
            errors.addAll(tableErrors);
            read.put(name, tableErrors.isEmpty() ? table : null);
            return read.get(name);
        }
    }

    /**
     * Every file that affects evaluation, by its path under the folder ({@code /}-separated), in name order so the
     * version does not depend on listing order: the rule files ({@code *.yaml} at the top), the payer profiles
     * ({@code payers/*.yaml}) and the edit tables ({@code **}{@code /*.csv}). {@code codes/} is left out: the code
     * sets are loaded into the database by the codes feature, not evaluated from here; so is {@code denials/}, read
     * by the remittance feature.
     */
    private Map<String, Path> files() {
        Map<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            log.warn("Rules folder {} does not exist; no rules", dir);
            return files;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(path).toString().replace('\\', '/');
                if (isRuleFile(name) || name.startsWith(PAYERS) && isYaml(name)
                        || name.endsWith(".csv") && !name.startsWith("codes/") && !name.startsWith("denials/")) {
                    files.put(name, path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rules folder " + dir, e);
        }
        return files;
    }

    private static boolean isRuleFile(String name) {
        return !name.contains("/") && isYaml(name);
    }

    private static boolean isYaml(String name) {
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    /** A hash of the files' names and contents: every finding carries it, so it names what the claim was checked by. */
    private String version(Map<String, Path> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((name, path) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(contentHash(path));
                digest.update((byte) 0);
            });
            // 16 hex digits tell sets apart and stay short enough to read on a finding
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A file's SHA-256. A full NCCI table is tens of megabytes and the folder is polled every few seconds, so a large
     * file's hash is kept while its size and modification time stay the same; small files are always read, since
     * two quick edits of the same length can share a modification time.
     */
    private byte[] contentHash(Path path) {
        try {
            long size = Files.size(path);
            FileTime modified = Files.getLastModifiedTime(path);
            if (size >= LARGE_FILE) {
                HashedFile known = largeFiles.get(path);
                if (known != null && known.size() == size && known.modified().equals(modified)) {
                    return known.sha256();
                }
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(path)) {
                byte[] buffer = new byte[65536];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                }
            }
            byte[] sha = digest.digest();
            if (size >= LARGE_FILE) {
                largeFiles.put(path, new HashedFile(size, modified, sha));
            }
            return sha;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record HashedFile(long size, FileTime modified, byte[] sha256) {
    }
}
