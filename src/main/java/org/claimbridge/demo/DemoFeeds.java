package org.claimbridge.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.claimbridge.system.ClaimbridgeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * For the demo run: puts the sample feeds into the HL7 drop folder once, so that a fresh start shows three practices'
 * messages flowing in. A marker file keeps restarts from copying them again (intake would store resends once anyway).
 */
@Component
@ConditionalOnBooleanProperty("claimbridge.demo.enabled")
class DemoFeeds implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFeeds.class);

    private final Path inbox;
    private final Path marker;

    DemoFeeds(ClaimbridgeProperties claimbridge) {
        this.inbox = claimbridge.inbox("hl7");
        this.marker = claimbridge.dataDir().resolve("demo").resolve("sample-feeds-copied");
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (Files.exists(marker)) {
            log.info("Demo feeds were copied to the inbox before ({} exists); not copying again", marker);
            return;
        }
        List<Resource> feeds = Arrays.stream(new PathMatchingResourcePatternResolver()
                        .getResources("classpath*:sample-feeds/**/*.hl7"))
                .sorted(Comparator.comparing(DemoFeeds::feedPath, DemoFeeds::goodBeforeBad))
                .toList();
        Files.createDirectories(inbox);
        // the drop folder takes files oldest first: back-dated times in feed order keep each practice's story in
        // order (registration before charges) and are past the folder's settle time at once
        Instant base = Instant.now().minusSeconds(3600);
        int n = 0;
        for (Resource feed : feeds) {
            String path = feedPath(feed);
            Path target = inbox.resolve(path.replace('/', '-'));
            Path partial = inbox.resolve(target.getFileName() + ".part");
            try (InputStream in = feed.getInputStream()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.setLastModifiedTime(partial, FileTime.from(base.plusSeconds(n++)));
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, "copied " + feeds.size() + " sample feed file(s) at " + Instant.now() + "\n");
        log.info("Demo: copied {} sample feed file(s) into {}", feeds.size(), inbox.toAbsolutePath());
    }

    /** The path below sample-feeds/, e.g. {@code fampract/01-visit.hl7}. */
    private static String feedPath(Resource resource) {
        try {
            String url = resource.getURL().toString();
            return url.substring(url.lastIndexOf("sample-feeds/") + "sample-feeds/".length());
        } catch (IOException e) {
            return String.valueOf(resource.getFilename());
        }
    }

    /** The deliberately bad messages come last: one of them re-uses a control id of a good feed. */
    private static int goodBeforeBad(String a, String b) {
        boolean aBad = a.startsWith("bad/");
        boolean bBad = b.startsWith("bad/");
        return aBad == bBad ? a.compareTo(b) : aBad ? 1 : -1;
    }
}
