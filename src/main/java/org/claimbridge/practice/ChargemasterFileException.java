package org.claimbridge.practice;

import java.util.List;

/** A chargemaster file that cannot be loaded; each problem names the file, and for a row its line and field. */
class ChargemasterFileException extends RuntimeException {

    private final transient List<String> problems;

    ChargemasterFileException(String file, List<String> problems) {
        super(message(file, problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }

    private static String message(String file, List<String> problems) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        StringBuilder message = new StringBuilder(file).append(": ").append(problems.size()).append(" problems");
        problems.stream().limit(ChargemasterFile.MAX_LISTED).forEach(p -> message.append("\n  ").append(p));
        if (problems.size() > ChargemasterFile.MAX_LISTED) {
            message.append("\n  ... and ").append(problems.size() - ChargemasterFile.MAX_LISTED).append(" more");
        }
        return message.toString();
    }
}
