package org.claimbridge.claim;

import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out ISA13, GS06 and ST02 control numbers. Each take commits on its own before the number is written
 * anywhere, and the counter row is locked while it moves, so concurrent runs and restarts never get the same
 * number; a run that fails burns what it took.
 */
@Component
class ControlNumbers {

    private static final long MAX = 999_999_999L;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    ControlNumbers(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** ISA13: nine digits. */
    String interchange() {
        return String.format(Locale.ROOT, "%09d", take("ISA", 1));
    }

    /** GS06: up to nine digits. */
    String group() {
        return String.valueOf(take("GS", 1));
    }

    /** {@code count} ST02 numbers (four to nine digits), the first of which is returned; the rest follow it. */
    long transactions(int count) {
        return take("ST", count) - count + 1;
    }

    static String transaction(long number) {
        return String.format(Locale.ROOT, "%04d", number);
    }

    /** Takes {@code count} numbers and returns the last. */
    private long take(String counter, int count) {
        Long last = ownTransaction.execute(status -> {
            jdbc.sql("UPDATE x12_counter SET last_value = LAST_INSERT_ID(last_value + ?) WHERE name = ?")
                    .param(count).param(counter).update();
            return jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
        });
        if (last == null || last > MAX) {
            // nine digits is all the envelope has room for; wrapping around would reuse numbers
            throw new IllegalStateException("the " + counter + " control numbers are used up (" + last + " > " + MAX
                    + "): numbers are never reused, so the counter must be moved on by an administrator for a new"
                    + " trading partner agreement");
        }
        return last;
    }
}
