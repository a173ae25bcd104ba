package vn.hssk.record;

import java.util.Set;

/**
 * A merge as staff confirm it after the preview: which record survives, which fields of part A come from the
 * duplicate instead (null: the preview's defaults), the versions they saw and why.
 */
public record MergeRequest(long survivorId, long mergedId, Set<String> takeFromMerged, Integer survivorVersion,
                           Integer mergedVersion, String reason) {
}
