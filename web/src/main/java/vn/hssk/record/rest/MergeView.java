package vn.hssk.record.rest;

import java.time.Instant;
import java.util.Map;
import vn.hssk.record.MergeOutcome;
import vn.hssk.record.PersonMerge;

/** A merge of a duplicate into a survivor, undone or not; with the survivor and moved rows when just done/undone. */
public record MergeView(long id, long survivorId, long mergedId, String reason, Instant mergedAt, String mergedBy,
                        Instant undoneAt, String undoneBy, PersonView survivor, Map<String, Long> movedRows) {

    static MergeView of(MergeOutcome outcome) {
        PersonMerge m = outcome.merge();
        return new MergeView(m.getId(), m.getSurvivorId(), m.getMergedId(), m.getReason(), m.getMergedAt(),
                m.getMergedBy(), m.getUndoneAt(), m.getUndoneBy(), PersonView.of(outcome.survivor()),
                outcome.movedRows());
    }

    static MergeView of(PersonMerge m) {
        return new MergeView(m.getId(), m.getSurvivorId(), m.getMergedId(), m.getReason(), m.getMergedAt(),
                m.getMergedBy(), m.getUndoneAt(), m.getUndoneBy(), null, null);
    }
}
