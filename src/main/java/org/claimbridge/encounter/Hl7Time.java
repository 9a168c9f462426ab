package org.claimbridge.encounter;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HL7 DT/DTM/TS values of every precision the standard allows: {@code YYYY}, {@code YYYYMM}, {@code YYYYMMDD},
 * then hours, minutes, seconds, up to four decimals of a second and an optional {@code +/-ZZZZ} offset. A value
 * given to less than a day is read as the first day of its period.
 */
final class Hl7Time {

    private static final Pattern DTM = Pattern.compile(
            "(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(?:\\.(\\d{1,4}))?([+-]\\d{4})?");

    private Hl7Time() {
    }

    /** The calendar date as the sender wrote it; an offset does not move it. */
    static LocalDate date(String raw) {
        return local(match(raw)).toLocalDate();
    }

    /** The instant, in UTC; a value without an offset is taken to be in {@code unzoned}. */
    static LocalDateTime utc(String raw, ZoneId unzoned) {
        Matcher m = match(raw);
        LocalDateTime local = local(m);
        ZoneId zone = m.group(8) == null ? unzoned : ZoneOffset.of(m.group(8).substring(0, 3) + ":"
                + m.group(8).substring(3));
        return local.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    private static Matcher match(String raw) {
        Matcher m = DTM.matcher(raw);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + raw + "' is not an HL7 date/time (YYYY[MM[DD[HH[MM[SS[.S]]]]]]"
                    + "[+/-ZZZZ])");
        }
        return m;
    }

    private static LocalDateTime local(Matcher m) {
        try {
            int nanos = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "000000000").substring(0, 9));
            return LocalDateTime.of(Integer.parseInt(m.group(1)), part(m, 2, 1), part(m, 3, 1), part(m, 4, 0),
                    part(m, 5, 0), part(m, 6, 0), nanos);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("'" + m.group() + "' is not a real date/time: " + e.getMessage());
        }
    }

    private static int part(Matcher m, int group, int absent) {
        return m.group(group) == null ? absent : Integer.parseInt(m.group(group));
    }
}
