package org.claimbridge.claim;

/** Which implementation guide a claim follows. */
public enum ClaimKind {
    PROFESSIONAL("005010X222A1", 50),
    INSTITUTIONAL("005010X223A2", 999);

    private final String guide;
    private final int maxLines;

    ClaimKind(String guide, int maxLines) {
        this.guide = guide;
        this.maxLines = maxLines;
    }

    /** GS08 and ST03. */
    public String guide() {
        return guide;
    }

    /** Service lines (LX) the guide allows in one claim. */
    public int maxLines() {
        return maxLines;
    }
}
