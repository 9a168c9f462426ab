package org.claimbridge.codes;

/** One code as a file states it, with the line it came from so a problem can be named precisely. */
record CodeRow(String code, boolean billable, String shortDescription, String description, int line) {
}
