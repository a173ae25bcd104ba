package vn.hssk.record.rest;

import java.util.Set;

/** A merge as confirmed after the preview; {@code takeFromMerged} null keeps the preview's defaults. */
public record MergeBody(Long survivorId, Long mergedId, Set<String> takeFromMerged, Integer survivorVersion,
                        Integer mergedVersion, String reason) {
}
