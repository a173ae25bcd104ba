package vn.hssk.reorganization.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.hssk.reorganization.Reorganization;
import vn.hssk.reorganization.ReorganizationStep;

/** A reorganization and where it is ({@code status}; {@code failure} says why its last run stopped). */
public record ReorganizationView(long id, String title, LocalDate effectiveDate, String status, String failure,
                                 String createdBy, Instant appliedAt, String appliedBy, Instant revertedAt,
                                 String revertedBy, List<ReorganizationStep> steps) {

    static ReorganizationView of(Reorganization r) {
        return new ReorganizationView(r.getId(), r.getTitle(), r.getEffectiveDate(), r.getStatus().name(),
                r.getFailure(), r.getCreatedBy(), r.getAppliedAt(), r.getAppliedBy(), r.getRevertedAt(),
                r.getRevertedBy(), r.steps());
    }
}
