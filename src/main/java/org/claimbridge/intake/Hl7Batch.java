package org.claimbridge.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One file or request body cut into the HL7 messages it holds: a single message, several in a row, or an
 * FHS/BHS...BTS/FTS batch, with {@code \r}, {@code \n} or {@code \r\n} segment endings, blank lines and a UTF-8 BOM.
 * <p>
 * The cut is made on bytes, not text: each message declares its own charset in MSH-18 and is decoded by intake from
 * its own bytes, so a Latin-1 message next to a UTF-8 one keeps its characters. Each part keeps exactly the bytes it
 * had in the file. Lines outside any message (before the first MSH, or after a BTS/FTS) become parts of their own,
 * marked as garbage, so that they are stored and answered rather than silently dropped.
 *
 * @param parts    messages and garbage, in the order they appeared, numbered from 1
 * @param problems what is wrong with the envelope (counts that do not match, a batch left open), in plain words
 */
public record Hl7Batch(List<Part> parts, List<String> problems) {

    /**
     * @param number  1-based place in the file
     * @param garbage true for lines that are not part of any message
     */
    public record Part(int number, byte[] bytes, boolean garbage) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Part p && p.number == number && p.garbage == garbage && Arrays.equals(p.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return 31 * number + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Part[" + number + (garbage ? ", garbage" : "") + ", " + bytes.length + " bytes]";
        }
    }

    public Hl7Batch {
        parts = List.copyOf(parts);
        problems = List.copyOf(problems);
    }

    /** How many parts are messages (as opposed to garbage). */
    public long messageCount() {
        return parts.stream().filter(p -> !p.garbage()).count();
    }

    public static Hl7Batch split(byte[] bytes) {
        return new Splitter(bytes).split();
    }

    /** One line of the input: where its content starts and ends, and where its line ending ends. */
    private record Line(int start, int end, int next) {
    }

    private static final class Splitter {

        private final byte[] bytes;
        private final List<Part> parts = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private int partStart = -1;
        private int partEnd = -1;
        private boolean partIsGarbage;
        private byte separator = '|';
        private int fileHeaders;
        private int batchHeaders;
        private int batchesInFile;
        private boolean batchOpen;
        private int messagesInBatch;
        private int batchNumber;
        private boolean fileTrailerSeen;

        Splitter(byte[] bytes) {
            this.bytes = bytes;
        }

        Hl7Batch split() {
            int position = hasUtf8Bom() ? 3 : 0;
            while (position < bytes.length) {
                Line line = lineAt(position);
                take(line);
                position = line.next();
            }
            closePart();
            if (batchOpen) {
                problems.add("batch " + batchNumber + " has no BTS: the file may be cut short");
            }
            if (fileHeaders > 0 && !fileTrailerSeen) {
                problems.add("FHS without FTS: the file may be cut short");
            }
            return new Hl7Batch(parts, problems);
        }

        private void take(Line line) {
            if (isBlank(line)) {
                return;
            }
            String id = segmentId(line);
            switch (id) {
                case "MSH" -> {
                    closePart();
                    startPart(line, false);
                    if (batchOpen) {
                        messagesInBatch++;
                    }
                }
                case "FHS" -> {
                    closePart();
                    separator = bytes[line.start() + 3];
                    fileHeaders++;
                }
                case "BHS" -> {
                    closePart();
                    if (batchOpen) {
                        problems.add("batch " + batchNumber + " has no BTS before the next BHS");
                    }
                    separator = bytes[line.start() + 3];
                    batchOpen = true;
                    batchNumber++;
                    batchesInFile++;
                    messagesInBatch = 0;
                }
                case "BTS" -> {
                    closePart();
                    if (!batchOpen) {
                        problems.add("BTS without a BHS before it");
                    } else {
                        checkCount(line, messagesInBatch, "batch " + batchNumber + ": BTS-1 says %s message(s), %d found");
                    }
                    batchOpen = false;
                }
                case "FTS" -> {
                    closePart();
                    fileTrailerSeen = true;
                    checkCount(line, batchesInFile, "file: FTS-1 says %s batch(es), %d found");
                }
                default -> {
                    if (partStart >= 0) {
                        partEnd = line.next();
                    } else {
                        startPart(line, true);
                    }
                }
            }
        }

        private void startPart(Line line, boolean garbage) {
            partStart = line.start();
            partEnd = line.next();
            partIsGarbage = garbage;
        }

        private void closePart() {
            if (partStart < 0) {
                return;
            }
            // ends with the last segment's own line ending: blank lines after it never extended the part
            Part part = new Part(parts.size() + 1, Arrays.copyOfRange(bytes, partStart, partEnd), partIsGarbage);
            parts.add(part);
            if (part.garbage()) {
                problems.add("part " + part.number() + ": " + part.bytes().length
                        + " byte(s) outside any message (no MSH): kept as an unparseable message for review");
            }
            partStart = -1;
            partEnd = -1;
        }

        /** Compares a trailer's count (field 1) with what was found; an empty count is not checked. */
        private void checkCount(Line line, int found, String format) {
            String declared = field1(line);
            if (declared.isEmpty()) {
                return;
            }
            try {
                if (Integer.parseInt(declared) != found) {
                    problems.add(String.format(format, declared, found));
                }
            } catch (NumberFormatException e) {
                problems.add(String.format(format, "'" + declared + "'", found) + " (count is not a number)");
            }
        }

        private String field1(Line line) {
            int start = line.start() + 4;
            if (start > line.end()) {
                return "";
            }
            int end = start;
            while (end < line.end() && bytes[end] != separator) {
                end++;
            }
            return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1).strip();
        }

        private Line lineAt(int start) {
            int end = start;
            while (end < bytes.length && !isLineBreak(bytes[end])) {
                end++;
            }
            int next = end;
            if (next < bytes.length && bytes[next] == '\r') {
                next++;
                if (next < bytes.length && bytes[next] == '\n') {
                    next++;
                }
            } else if (next < bytes.length) {
                next++;
            }
            return new Line(start, end, next);
        }

        /** The segment id of an envelope or MSH line, or "" for any other line. */
        private String segmentId(Line line) {
            int length = line.end() - line.start();
            if (length < 3) {
                return "";
            }
            String id = new String(bytes, line.start(), 3, StandardCharsets.ISO_8859_1);
            if (length == 3) {
                // a trailer may come without any field at all
                return id.equals("BTS") || id.equals("FTS") ? id : "";
            }
            byte after = bytes[line.start() + 3];
            boolean separatorFollows = !Character.isLetterOrDigit(after) && after != ' ';
            return separatorFollows && switch (id) {
                case "MSH", "FHS", "BHS", "BTS", "FTS" -> true;
                default -> false;
            } ? id : "";
        }

        private boolean isBlank(Line line) {
            for (int i = line.start(); i < line.end(); i++) {
                byte b = bytes[i];
                if (b != ' ' && b != '\t' && b != 0x1A && b != 0x0B && b != 0x1C) {
                    return false;
                }
            }
            return true;
        }

        private boolean hasUtf8Bom() {
            return bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                    && (bytes[2] & 0xff) == 0xBF;
        }

        private static boolean isLineBreak(byte b) {
            return b == '\r' || b == '\n';
        }
    }
}
