package vn.hssk.household.rest;

import java.time.LocalDate;

/** The body of {@code POST /api/households/{id}/move}: target village, date (today if omitted), reason, version. */
public record MoveRequest(Long villageId, LocalDate date, String reason, Integer version) {
}
