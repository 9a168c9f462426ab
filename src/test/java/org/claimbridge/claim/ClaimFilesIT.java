package org.claimbridge.claim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

import org.claimbridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What a crash in the middle of writing an 837 leaves behind is finished, or undone, by the next run. */
@IntegrationTest
class ClaimFilesIT {

    @Autowired
    ClaimFiles files;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFileCutShortBeforeItsClaimsWereRecordedIsDroppedAndOneRecordedButNotRenamedIsPutInPlace()
            throws Exception {
        Path outbox = files.outbox();
        Files.createDirectories(outbox);
        long cutShort = interchange("999000101", "WRITING");
        Path cutShortPart = outbox.resolve(".AVAILITY-999000101.837.part");
        Files.writeString(cutShortPart, "ISA*00*half a file");
        long recorded = interchange("999000102", "WRITTEN");
        Path recordedPart = outbox.resolve(".AVAILITY-999000102.837.part");
        Files.writeString(recordedPart, "ISA*00*a whole file");

        files.recover();

        assertThat(cutShortPart).doesNotExist();
        assertThat(outbox.resolve("AVAILITY-999000101.837")).doesNotExist();
        assertThat(status(cutShort)).isEqualTo("ABANDONED");
        assertThat(recordedPart).doesNotExist();
        assertThat(outbox.resolve("AVAILITY-999000102.837")).hasContent("ISA*00*a whole file");
        assertThat(status(recorded)).isEqualTo("FILED");
    }

    private long interchange(String isa, String status) {
        jdbc.sql("""
                        INSERT INTO x12_interchange (receiver, isa_control, usage_code, file_name, status, claims,
                            refused, created_at, written_at)
                        VALUES ('AVAILITY', ?, 'T', ?, ?, 1, 0, ?, ?)""")
                .params(isa, "AVAILITY-" + isa + ".837", status, LocalDateTime.now(), LocalDateTime.now()).update();
        return jdbc.sql("SELECT id FROM x12_interchange WHERE isa_control = ?").param(isa).query(Long.class).single();
    }

    private String status(long id) {
        return jdbc.sql("SELECT status FROM x12_interchange WHERE id = ?").param(id).query(String.class).single();
    }
}
