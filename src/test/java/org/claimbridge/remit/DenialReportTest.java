package org.claimbridge.remit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DenialReportTest {

    @Test
    void theDenialRateIsAPercentWithOneDecimalRoundedHalfUp() {
        assertThat(DenialReport.percent(2, 3)).isEqualByComparingTo("66.7");
        assertThat(DenialReport.percent(1, 3)).isEqualByComparingTo("33.3");
        assertThat(DenialReport.percent(1, 8)).isEqualByComparingTo("12.5");
        assertThat(DenialReport.percent(1, 16)).isEqualByComparingTo("6.3");
        assertThat(DenialReport.percent(0, 5)).isEqualByComparingTo("0.0");
        assertThat(DenialReport.percent(4, 4)).isEqualByComparingTo("100.0");
        assertThat(new DenialReport.Group("x", "x", 200, 30, BigDecimal.ONE, BigDecimal.ONE).rate())
                .isEqualByComparingTo("15.0");
    }

    @Test
    void nothingAdjudicatedHasNoRateRatherThanZero() {
        assertThat(DenialReport.percent(0, 0)).isNull();
        assertThat(new DenialReport.Month(YearMonth.of(2026, 1), 0, 0, BigDecimal.ZERO, BigDecimal.ZERO).rate())
                .isNull();
    }

    @Test
    void theTrendHasEveryMonthOfTheRangeInOrderWithZerosWhereNothingWasAdjudicated() {
        DenialReport.Month march = new DenialReport.Month(YearMonth.of(2026, 3), 10, 2, new BigDecimal("1200.00"),
                new BigDecimal("240.00"));
        DenialReport.Month january = new DenialReport.Month(YearMonth.of(2026, 1), 4, 1, new BigDecimal("480.00"),
                new BigDecimal("120.00"));
        List<DenialReport.Month> months = DenialReport.everyMonth(new DenialReport.Range(LocalDate.of(2025, 12, 15),
                LocalDate.of(2026, 4, 2)), List.of(march, january));
        assertThat(months).extracting(DenialReport.Month::month).containsExactly(YearMonth.of(2025, 12),
                YearMonth.of(2026, 1), YearMonth.of(2026, 2), YearMonth.of(2026, 3), YearMonth.of(2026, 4));
        assertThat(months.get(1)).isEqualTo(january);
        assertThat(months.get(3)).isEqualTo(march);
        assertThat(months.get(2).adjudicated()).isZero();
        assertThat(months.get(2).deniedAmount()).isEqualByComparingTo("0");
    }

    @Test
    void aRangeEndsOnOrAfterItsStart() {
        assertThat(new DenialReport.Range(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)).from())
                .isEqualTo(LocalDate.of(2026, 1, 1));
        assertThatThrownBy(() -> new DenialReport.Range(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDrillDownValueIsCheckedWhereItsDimensionHasAForm() {
        assertThat(DenialReport.invalidValue(DenialReport.Dimension.MONTH, "2026-11")).isEmpty();
        assertThat(DenialReport.invalidValue(DenialReport.Dimension.MONTH, "Nov")).hasValue(
                "value: 'Nov' is not a month (yyyy-mm)");
        assertThat(DenialReport.invalidValue(DenialReport.Dimension.PRACTICE, "12")).isEmpty();
        assertThat(DenialReport.invalidValue(DenialReport.Dimension.PRACTICE, "Maple")).hasValue(
                "value: 'Maple' is not a practice id");
        assertThat(DenialReport.invalidValue(DenialReport.Dimension.PAYER, null)).hasValueSatisfying(e ->
                assertThat(e).startsWith("value: missing"));
        assertThat(DenialReport.invalidValue(DenialReport.Dimension.PROVIDER, "")).isEmpty();
    }
}
