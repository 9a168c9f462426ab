package org.claimbridge.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;

/**
 * What a correction changed in a message, segment by segment (java-diff-utils over the segments), and for a segment
 * changed in place, which of its fields.
 */
public final class MessageDiff {

    /** How a segment fares: kept as it was, changed, added by the correction or taken out. */
    public enum Kind { SAME, CHANGED, ADDED, REMOVED }

    /**
     * One segment of either text.
     *
     * @param originalPosition  1-based place in the original; null for an added segment
     * @param correctedPosition 1-based place in the correction; null for a removed one
     * @param changedFields     for a segment changed in place: its fields that differ, e.g. {@code PID-3 Patient
     *                          Identifier List}
     */
    public record Line(Kind kind, Integer originalPosition, String original, Integer correctedPosition,
                       String corrected, List<String> changedFields) {
    }

    private MessageDiff() {
    }

    public static List<Line> between(String original, String corrected) {
        List<String> before = SegmentTable.segments(original == null ? "" : original);
        List<String> after = SegmentTable.segments(corrected == null ? "" : corrected);
        char beforeSeparator = SegmentTable.separator(original == null ? "" : original);
        char afterSeparator = SegmentTable.separator(corrected == null ? "" : corrected);
        List<Line> lines = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after, true).getDeltas()) {
            int from = delta.getSource().getPosition();
            int to = delta.getTarget().getPosition();
            List<String> removed = delta.getSource().getLines();
            List<String> added = delta.getTarget().getLines();
            if (delta.getType() == DeltaType.EQUAL) {
                for (int i = 0; i < removed.size(); i++) {
                    lines.add(new Line(Kind.SAME, from + i + 1, removed.get(i), to + i + 1, added.get(i), List.of()));
                }
                continue;
            }
            // a changed run is read pairwise: the n-th segment out against the n-th in, when they share an id
            int paired = 0;
            while (paired < removed.size() && paired < added.size()
                    && id(removed.get(paired), beforeSeparator).equals(id(added.get(paired), afterSeparator))) {
                lines.add(new Line(Kind.CHANGED, from + paired + 1, removed.get(paired), to + paired + 1,
                        added.get(paired), changedFields(removed.get(paired), beforeSeparator, added.get(paired),
                        afterSeparator)));
                paired++;
            }
            for (int i = paired; i < removed.size(); i++) {
                lines.add(new Line(Kind.REMOVED, from + i + 1, removed.get(i), null, null, List.of()));
            }
            for (int i = paired; i < added.size(); i++) {
                lines.add(new Line(Kind.ADDED, null, null, to + i + 1, added.get(i), List.of()));
            }
        }
        return lines;
    }

    private static String id(String segment, char separator) {
        return SegmentTable.split(segment, separator)[0];
    }

    private static List<String> changedFields(String before, char beforeSeparator, String after,
                                              char afterSeparator) {
        String id = id(before, beforeSeparator);
        Map<Integer, String> old = SegmentTable.values(id, SegmentTable.split(before, beforeSeparator),
                beforeSeparator);
        Map<Integer, String> now = SegmentTable.values(id, SegmentTable.split(after, afterSeparator),
                afterSeparator);
        TreeSet<Integer> numbers = new TreeSet<>(old.keySet());
        numbers.addAll(now.keySet());
        List<String> changed = new ArrayList<>();
        for (int number : numbers) {
            if (!Objects.equals(blankToNull(old.get(number)), blankToNull(now.get(number)))) {
                String name = SegmentTable.fieldName(id, number);
                changed.add(id + "-" + number + (name == null ? "" : " " + name));
            }
        }
        return changed;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
