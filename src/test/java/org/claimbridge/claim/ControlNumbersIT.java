package org.claimbridge.claim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.claimbridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ISA13, GS06 and ST02 numbers from the database counters: never the same twice, whoever asks at the same time. */
@IntegrationTest
class ControlNumbersIT {

    @Autowired
    ControlNumbers numbers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void concurrentRunsNeverTakeTheSameNumber() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<String>>> takers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                takers.add(() -> {
                    List<String> taken = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        taken.add("ISA " + numbers.interchange());
                        taken.add("GS " + numbers.group());
                        long first = numbers.transactions(10);
                        for (long st = first; st < first + 10; st++) {
                            taken.add("ST " + ControlNumbers.transaction(st));
                        }
                    }
                    return taken;
                });
            }
            Set<String> all = new HashSet<>();
            int count = 0;
            for (Future<List<String>> future : pool.invokeAll(takers)) {
                for (String number : future.get()) {
                    count++;
                    all.add(number);
                }
            }
            assertThat(all).hasSize(count).hasSize(8 * 25 * 12);
            assertThat(all).filteredOn(n -> n.startsWith("ISA ")).allSatisfy(n -> assertThat(n).matches("ISA \\d{9}"));
            assertThat(all).filteredOn(n -> n.startsWith("ST ")).allSatisfy(n -> assertThat(n).matches("ST \\d{4,9}"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void numbersThatWouldNoLongerFitAreRefusedRatherThanWrappedAround() {
        long before = jdbc.sql("SELECT last_value FROM x12_counter WHERE name = 'GS'").query(Long.class).single();
        try {
            jdbc.sql("UPDATE x12_counter SET last_value = 999999999 WHERE name = 'GS'").update();
            assertThatThrownBy(() -> numbers.group()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("never reused");
        } finally {
            jdbc.sql("UPDATE x12_counter SET last_value = ? WHERE name = 'GS'").param(before).update();
        }
    }
}
