package org.claimbridge.codes;

/** A code file that cannot be read as its format says; the message names the file and the line. */
public class CodeFileException extends RuntimeException {

    CodeFileException(String file, int line, String problem) {
        super(file + " line " + line + ": " + problem);
    }

    CodeFileException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
