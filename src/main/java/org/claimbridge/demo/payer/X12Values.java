package org.claimbridge.demo.payer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Values as X12 writes them: amounts without trailing zeros, CCYYMMDD dates, HHMM times. */
final class X12Values {

    static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");

    private X12Values() {
    }

    /** An X12 R value: no exponent, no trailing zeros ({@code 97.5}, {@code -12}). */
    static String amount(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** Money as read from a claim: two decimals. */
    static BigDecimal money(String value) {
        return value == null || value.isBlank() ? BigDecimal.ZERO.setScale(2)
                : new BigDecimal(value).setScale(2, RoundingMode.HALF_UP);
    }

    /** A share of an amount, to the cent. */
    static BigDecimal share(BigDecimal amount, BigDecimal rate) {
        return amount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** The first date of a D8 or RD8 value ({@code 20261103} or {@code 20261103-20261105}). */
    static LocalDate from(String value) {
        return value == null || value.length() < 8 ? null : LocalDate.parse(value.substring(0, 8), DATE);
    }

    /** The last date of a D8 or RD8 value. */
    static LocalDate to(String value) {
        return value == null || value.length() < 8 ? null
                : LocalDate.parse(value.substring(value.length() - 8), DATE);
    }
}
