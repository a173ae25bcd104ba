package vn.hssk.record.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hssk.record.DuplicatePair;
import vn.hssk.record.DuplicateService;
import vn.hssk.record.EntrySource;
import vn.hssk.record.MergeField;
import vn.hssk.record.MergeOutcome;
import vn.hssk.record.MergePreview;
import vn.hssk.record.PersonParts;
import vn.hssk.record.MergeRequest;
import vn.hssk.record.PersonMerge;
import vn.hssk.shared.Roles;
import vn.hssk.shared.web.ScreenMessages;
import vn.hssk.tenant.web.SignedInUser;

/**
 * The duplicates review screen: the possible duplicate records of the user's communes, side by side field by field;
 * station staff choose which record stays and which values it keeps, merge (every part moves to the survivor), judge
 * a pair two different people, or undo a recent merge. Chairs and province administrators see it read only.
 */
@Named
@ViewScoped
public class DuplicatesView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_PAIRS = 100;
    private static final int MAX_MERGES = 20;

    @Inject
    private DuplicateService duplicates;

    @Inject
    private SignedInUser signedIn;

    private List<PairRow> pairs;
    private List<MergeRow> merges;
    private PairRow selected;
    private boolean swapped;
    private List<MergeField> fields;
    private String partsSurvivor;
    private String partsMerged;
    private List<PersonParts.Conflict> conflicts = List.of();
    private Set<String> takeFromMerged = new HashSet<>();
    private String reason;
    private Integer survivorVersion;
    private Integer mergedVersion;
    private String distinctNote;

    /** One pair as the table shows it, the older record first (EL calls the accessors: {@code p.first()}). */
    public record PairRow(PersonRow first, PersonRow second, List<String> reasons) implements Serializable {

        static PairRow of(DuplicatePair p) {
            return new PairRow(PersonRow.of(p.first().person()), PersonRow.of(p.second().person()), p.reasons());
        }

        public long firstId() {
            return first.id();
        }

        public long secondId() {
            return second.id();
        }

        public String key() {
            return first.id() + "-" + second.id();
        }
    }

    /** A recent merge with its undo state. */
    public record MergeRow(long id, long survivorId, long mergedId, String reason, Instant mergedAt, String mergedBy,
                           boolean undone) implements Serializable {

        static MergeRow of(PersonMerge m) {
            return new MergeRow(m.getId(), m.getSurvivorId(), m.getMergedId(), m.getReason(), m.getMergedAt(),
                    m.getMergedBy(), m.isUndone());
        }
    }

    public List<PairRow> getPairs() {
        if (pairs == null) {
            reload();
        }
        return pairs;
    }

    public List<MergeRow> getMerges() {
        if (merges == null) {
            reload();
        }
        return merges;
    }

    public void reload() {
        try {
            pairs = duplicates.candidates(0, MAX_PAIRS).stream().map(PairRow::of).toList();
            merges = duplicates.recentMerges(MAX_MERGES).stream().map(MergeRow::of).toList();
        } catch (RuntimeException e) {
            pairs = List.of();
            merges = List.of();
            ScreenMessages.failure(e, null);
        }
    }

    public void compare(PairRow pair) {
        selected = pair;
        swapped = false;
        reason = null;
        distinctNote = null;
        loadPreview();
    }

    /** The other record of the pair stays instead. */
    public void swap() {
        swapped = !swapped;
        loadPreview();
    }

    private void loadPreview() {
        try {
            MergePreview preview = duplicates.preview(survivorId(), mergedId());
            fields = preview.fields();
            takeFromMerged = new HashSet<>();
            fields.stream().filter(MergeField::takeMergedByDefault).map(MergeField::field)
                    .forEach(takeFromMerged::add);
            survivorVersion = preview.survivor().person().getVersion();
            mergedVersion = preview.merged().person().getVersion();
            partsSurvivor = parts(preview.survivorParts());
            partsMerged = parts(preview.mergedParts());
            conflicts = preview.conflicts();
        } catch (RuntimeException e) {
            selected = null;
            ScreenMessages.failure(e, null);
        }
    }

    public void merge() {
        try {
            MergeOutcome outcome = duplicates.merge(new MergeRequest(survivorId(), mergedId(),
                    Set.copyOf(takeFromMerged), survivorVersion, mergedVersion, reason), EntrySource.SCREEN);
            ScreenMessages.info("duplicates.merged", outcome.survivor().person().getFullName(), mergedId(),
                    survivorId());
            selected = null;
            reload();
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "compare");
        }
    }

    public void judgeDistinct() {
        try {
            duplicates.distinct(selected.firstId(), selected.secondId(), distinctNote);
            ScreenMessages.info("duplicates.judgedDistinct", selected.first().fullName());
            selected = null;
            reload();
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "compare");
        }
    }

    public void undo(long mergeId) {
        try {
            MergeOutcome outcome = duplicates.undo(mergeId, EntrySource.SCREEN);
            ScreenMessages.info("duplicates.undone", outcome.merge().getMergedId(), outcome.merge().getSurvivorId());
            reload();
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
        }
    }

    public boolean isTakeMerged(String field) {
        return takeFromMerged.contains(field);
    }

    /** Chooses whose value of {@code field} the survivor keeps. */
    public void take(String field, boolean fromMerged) {
        if (fromMerged) {
            takeFromMerged.add(field);
        } else {
            takeFromMerged.remove(field);
        }
    }

    public boolean isMayDecide() {
        return signedIn.me().roles().contains(Roles.STATION_STAFF);
    }

    public long survivorId() {
        return swapped ? selected.secondId() : selected.firstId();
    }

    public long mergedId() {
        return swapped ? selected.firstId() : selected.secondId();
    }

    private static String parts(Map<String, Long> counts) {
        return counts.isEmpty() ? "–" : counts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .reduce((a, b) -> a + ", " + b).orElse("–");
    }

    /** Rows both records hold where a part allows one per person: the merge waits until one of each is voided. */
    public List<PersonParts.Conflict> getConflicts() {
        return conflicts;
    }

    public PairRow getSelected() {
        return selected;
    }

    public List<MergeField> getFields() {
        return fields;
    }

    public String getPartsSurvivor() {
        return partsSurvivor;
    }

    public String getPartsMerged() {
        return partsMerged;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getDistinctNote() {
        return distinctNote;
    }

    public void setDistinctNote(String distinctNote) {
        this.distinctNote = distinctNote;
    }
}
