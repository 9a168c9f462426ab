package org.claimbridge.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class RuleFunctionsTest {

    @Test
    void npiCheckDigitIsLuhnOverPrefixedNineDigits() {
        assertThat(RuleFunctions.npiValid("1234567893")).isTrue();
        assertThat(RuleFunctions.npiValid("1245319599")).isTrue();
        assertThat(RuleFunctions.npiValid("1234567890")).isFalse();
        assertThat(RuleFunctions.npiValid("123456789")).isFalse();
        assertThat(RuleFunctions.npiValid("12345678A3")).isFalse();
        assertThat(RuleFunctions.npiValid(null)).isFalse();
        assertThat(RuleFunctions.npiValid("12345678931")).isFalse();
        assertThat(RuleFunctions.npiValid("123456789-")).isFalse();
    }

    @Test
    void npiCheckDigitAgreesWithLuhnOverThePrefixedDigits() {
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 20_000; i++) {
            String npi = String.format("%010d", Math.floorMod(random.nextLong(), 10_000_000_000L));
            assertThat(RuleFunctions.npiValid(npi)).as(npi).isEqualTo(luhnValid("80840" + npi));
        }
    }

    /** The textbook Luhn check over a whole number, check digit last. */
    private static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }
        return sum % 10 == 0;
    }

    @Test
    void tinIsNineDigitsWithOptionalDash() {
        assertThat(RuleFunctions.tinValid("12-3456789")).isTrue();
        assertThat(RuleFunctions.tinValid("123456789")).isTrue();
        assertThat(RuleFunctions.tinValid("1-23456789")).isFalse();
        assertThat(RuleFunctions.tinValid("12-345678")).isFalse();
        assertThat(RuleFunctions.tinValid("00-0000000")).isFalse();
        assertThat(RuleFunctions.tinValid(null)).isFalse();
    }

    @Test
    void taxonomyIsTenCharactersEndingInX() {
        assertThat(RuleFunctions.taxonomyValid("207Q00000X")).isTrue();
        assertThat(RuleFunctions.taxonomyValid("363LF0000X")).isTrue();
        assertThat(RuleFunctions.taxonomyValid("207Q00000")).isFalse();
        assertThat(RuleFunctions.taxonomyValid("207Q000000")).isFalse();
        assertThat(RuleFunctions.taxonomyValid(null)).isFalse();
    }

    @Test
    void codeFormats() {
        assertThat(RuleFunctions.icd10Format("J06.9")).isTrue();
        assertThat(RuleFunctions.icd10Format("S72001A")).isTrue();
        assertThat(RuleFunctions.icd10Format("Z00.00")).isTrue();
        assertThat(RuleFunctions.icd10Format("U07.1")).isTrue();
        assertThat(RuleFunctions.icd10Format("J06.91234")).isFalse();
        assertThat(RuleFunctions.icd10Format("J0")).isFalse();
        assertThat(RuleFunctions.icd10Format("123.4")).isFalse();
        assertThat(RuleFunctions.cptFormat("99213")).isTrue();
        assertThat(RuleFunctions.cptFormat("0001F")).isTrue();
        assertThat(RuleFunctions.cptFormat("9921")).isFalse();
        assertThat(RuleFunctions.cptFormat("J1100")).isFalse();
        assertThat(RuleFunctions.hcpcsFormat("J1100")).isTrue();
        assertThat(RuleFunctions.hcpcsFormat("99213")).isFalse();
        assertThat(RuleFunctions.modifierFormat("25")).isTrue();
        assertThat(RuleFunctions.modifierFormat("XE")).isTrue();
        assertThat(RuleFunctions.modifierFormat("5")).isFalse();
        assertThat(RuleFunctions.modifierFormat(null)).isFalse();
        assertThat(RuleFunctions.posFormat("11")).isTrue();
        assertThat(RuleFunctions.posFormat("1")).isFalse();
        assertThat(RuleFunctions.posFormat("1A")).isFalse();
        assertThat(RuleFunctions.posFormat(null)).isFalse();
    }

    @Test
    void daysBetweenAndBlank() {
        assertThat(RuleFunctions.daysBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1))).isEqualTo(59);
        assertThat(RuleFunctions.daysBetween(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 1, 1))).isEqualTo(-59);
        assertThat(RuleFunctions.daysBetween(null, LocalDate.of(2026, 1, 1))).isNull();
        assertThat(RuleFunctions.blank(null)).isTrue();
        assertThat(RuleFunctions.blank(" ")).isTrue();
        assertThat(RuleFunctions.blank(List.of())).isTrue();
        assertThat(RuleFunctions.blank("x")).isFalse();
        assertThat(RuleFunctions.blank(List.of(1))).isFalse();
    }
}
