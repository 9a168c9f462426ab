package org.claimbridge.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.claimbridge.system.ClaimbridgeProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoFeedsTest {

    @TempDir
    Path dataDir;

    private List<Path> inbox() throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("inbox/hl7"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void copiesTheSampleFeedsOnceInStoryOrderBadOnesLast() throws IOException {
        DemoFeeds demo = new DemoFeeds(new ClaimbridgeProperties(dataDir));
        demo.run(null);
        List<Path> copied = inbox();
        assertThat(copied).extracting(p -> p.getFileName().toString())
                .contains("fampract-01-quimby-registration.hl7", "orthogrp-01-batch-2026-11-04.hl7",
                        "mercyop-01-lefevre-outpatient-surgery-2026-11-12.hl7", "bad-01-bad-messages.hl7")
                .noneMatch(name -> name.endsWith(".part"));
        List<String> byAge = copied.stream().sorted(Comparator.comparing(DemoFeedsTest::modified))
                .map(p -> p.getFileName().toString()).toList();
        assertThat(byAge.get(byAge.size() - 1)).isEqualTo("bad-01-bad-messages.hl7");
        assertThat(byAge.indexOf("fampract-01-quimby-registration.hl7"))
                .isLessThan(byAge.indexOf("fampract-02-visits-2026-11-03.hl7"));
        // back-dated, so the drop folder's settle time does not hold them up
        assertThat(copied).allSatisfy(p -> assertThat(modified(p)).isBefore(Instant.now().minusSeconds(60)));

        copied.forEach(p -> p.toFile().delete());
        demo.run(null);
        assertThat(inbox()).isEmpty();
    }

    private static Instant modified(Path p) {
        try {
            FileTime time = Files.getLastModifiedTime(p);
            return time.toInstant();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
