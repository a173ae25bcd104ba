package vn.hssk.review.rest;

import java.time.Instant;
import java.time.LocalDate;
import vn.hssk.record.Person;
import vn.hssk.review.PersonalIdReview;
import vn.hssk.review.ReviewCase;

/**
 * A case of the review list as the province administrator sees it: what was entered, by whom, when and from where,
 * how often, the record concerned ({@code record*}: the holder of the ID, or the record saved with an unknown
 * prefix) with its commune, and the resolution.
 */
public record ReviewView(long id, String kind, String personalId, String fullName, LocalDate birthDate, String sex,
                         long villageId, String villageName, String communeName, String source, int attempts,
                         Instant firstAt, Instant lastAt, String lastBy, Long recordId, String recordName,
                         String recordCommune, Boolean recordVoided, String status, String resolutionNote,
                         Instant resolvedAt, String resolvedBy) {

    static ReviewView of(ReviewCase c) {
        PersonalIdReview r = c.review();
        Person p = c.record();
        return new ReviewView(r.getId(), r.getKind().name(), r.getPersonalId(), r.getFullName(), r.getBirthDate(),
                r.getSex() == null ? null : r.getSex().name(), r.getVillage().getId(), r.getVillage().getName(),
                r.getVillage().getParent() == null ? null : r.getVillage().getParent().getName(),
                r.getSource().name(), r.getAttempts(), r.getFirstAt(), r.getLastAt(), r.getLastBy(),
                p == null ? null : p.getId(), p == null ? null : p.getFullName(),
                p == null ? null : p.getCommune().getName(), p == null ? null : p.isVoided(), r.getStatus().name(),
                r.getResolutionNote(), r.getResolvedAt(), r.getResolvedBy());
    }
}
