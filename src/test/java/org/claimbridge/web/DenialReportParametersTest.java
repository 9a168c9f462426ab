package org.claimbridge.web;

import java.time.LocalDate;

import org.claimbridge.remit.DenialReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DenialReportParametersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void byDefaultThePayersOverTheCurrentMonthAndTheElevenBefore() {
        DenialReportParameters p = DenialReportParameters.read(null, "", " ", TODAY);
        assertThat(p.valid()).isTrue();
        assertThat(p.dimension()).isEqualTo(DenialReport.Dimension.PAYER);
        assertThat(p.range()).isEqualTo(new DenialReport.Range(LocalDate.of(2025, 12, 1), TODAY));
        assertThat(p.from()).isEqualTo("2025-12-01");
        assertThat(p.to()).isEqualTo("2026-11-25");
    }

    @Test
    void aRangeEndingEarlierStartsTwelveMonthsBeforeItsEnd() {
        DenialReportParameters p = DenialReportParameters.read("month", null, "2026-03-10", TODAY);
        assertThat(p.dimension()).isEqualTo(DenialReport.Dimension.MONTH);
        assertThat(p.range()).isEqualTo(new DenialReport.Range(LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 10)));
    }

    @Test
    void everyBadFieldIsNamed() {
        DenialReportParameters p = DenialReportParameters.read("colour", "2026-13-01", "yesterday", TODAY);
        assertThat(p.valid()).isFalse();
        assertThat(p.errors()).containsExactly(
                "by: 'colour' is not one of payer, practice, provider, carc, category, month",
                "to: 'yesterday' is not a date (yyyy-mm-dd)",
                "from: '2026-13-01' is not a date (yyyy-mm-dd)");
        assertThat(p.from()).isEqualTo("2026-13-01");
    }

    @Test
    void theEndMayNotComeBeforeTheStart() {
        DenialReportParameters p = DenialReportParameters.read("carc", "2026-05-01", "2026-04-30", TODAY);
        assertThat(p.errors()).containsExactly("to: 2026-04-30 is before from 2026-05-01");
        assertThat(p.range()).isNull();
    }
}
