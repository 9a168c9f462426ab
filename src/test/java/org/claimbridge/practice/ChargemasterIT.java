package org.claimbridge.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.claimbridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The test profile gives HOSPOP src/test/resources/hospop-chargemaster.csv. */
@IntegrationTest
class ChargemasterIT {

    private static final String HEADER = "transaction_code,procedure_code,revenue_code,price,description\n";

    @Autowired
    Chargemaster chargemaster;

    @Autowired
    PracticeDirectory practices;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ChargemasterItems items;

    private long id(String sender) {
        return practices.find(sender).orElseThrow().id();
    }

    @Test
    void theConfiguredFileIsStoredWithItsLinesAndFoundInMemory() {
        long hospop = id("HOSPOP");

        assertThat(jdbc.sql("""
                SELECT transaction_code, revenue_code, price, source_file, source_line FROM chargemaster_item
                WHERE practice_id = ? ORDER BY source_line""").param(hospop)
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getBigDecimal(3) + "|"
                        + rs.getString(4) + "|" + rs.getInt(5)).list())
                .hasSize(5)
                .first().isEqualTo("ED99284|0450|1250.00|src/test/resources/hospop-chargemaster.csv|3");

        assertThat(chargemaster.find(hospop, "RAD71046")).contains(new ChargemasterItem("RAD71046", "71046", "0324",
                new BigDecimal("310.00"), "X-ray chest, 2 views"));
        assertThat(chargemaster.find(hospop, "SUPGEN")).hasValueSatisfying(item -> {
            assertThat(item.procedureCode()).isNull();
            assertThat(item.revenueCode()).isEqualTo("0270");
        });
        assertThat(chargemaster.find(hospop, "NOSUCH")).isEmpty();
        assertThat(chargemaster.find(hospop, null)).isEmpty();
        assertThat(chargemaster.find(id("FAMPRAC"), "RAD71046")).as("another practice's code").isEmpty();
    }

    @Test
    void aLoadReplacesThePracticesItemsAndABadFileChangesNothing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cm.csv");
        Files.writeString(file, HEADER + "A1,99213,0510,100.00,Visit\nB2,99214,0510,150.00,Visit\n");
        setup(file).afterPropertiesSet();
        long practice = id("CMTEST");
        assertThat(codes(practice)).containsExactly("A1", "B2");

        Files.writeString(file, HEADER + "B2,99214,0510,155.00,Visit\nC3,99215,0510,210.00,Visit\n");
        setup(file).afterPropertiesSet();
        assertThat(codes(practice)).as("replaced, not added to").containsExactly("B2", "C3");

        Files.writeString(file, HEADER + "D4,99213,0510,100.00,Visit\nE5,99213,510,100.00,Visit\n");
        assertThatThrownBy(() -> setup(file).afterPropertiesSet())
                .hasMessageContaining("claimbridge.practices[0].chargemaster (CMTEST)")
                .hasMessageContaining(file + " line 3, revenue_code: '510' is not 4 digits");
        assertThat(codes(practice)).as("a bad file leaves the stored items").containsExactly("B2", "C3");

        Chargemaster reread = new Chargemaster(items, null);
        reread.afterPropertiesSet();
        assertThat(reread.find(practice, "C3")).map(ChargemasterItem::price).contains(new BigDecimal("210.00"));
    }

    private PracticeSetup setup(Path chargemaster) {
        PracticeProperties properties = new PracticeProperties(List.of(new PracticeProperties.Configured("CMTEST",
                "Chargemaster Test Hospital", PracticeKind.INSTITUTIONAL, "1245319599", "98-7654321", "282N00000X",
                "1 Test Way", "Springfield", "IL", "62702", null, null, null, null, chargemaster, null)),
                new PracticeProperties.Senders(false));
        return new PracticeSetup(jdbc, transactions, properties, items);
    }

    private List<String> codes(long practiceId) {
        return jdbc.sql("SELECT transaction_code FROM chargemaster_item WHERE practice_id = ? ORDER BY"
                + " transaction_code").param(practiceId).query(String.class).list();
    }
}
