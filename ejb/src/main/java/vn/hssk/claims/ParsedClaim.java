package vn.hssk.claims;

import java.util.List;

/**
 * One {@code HOSO} of an envelope after reading: its position (1-based), the key and facility when they could be
 * read, the summary and the detail rows, and the issues that refuse it. A claim with any issue is refused whole, so
 * that the facility sends it again corrected under the same key.
 */
public record ParsedClaim(int position, String claimKey, String facility, ClaimSummary summary,
                          List<ClaimLineData> lines, List<ClaimIssue> issues) {

    public boolean refused() {
        return !issues.isEmpty();
    }

    /** The MA_LK, or "#n" (the position in the envelope) when the summary could not give it. */
    public String label() {
        return claimKey == null ? "#" + position : claimKey;
    }
}
