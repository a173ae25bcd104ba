package vn.hssk.station.rest;

import java.time.LocalDate;

/** The body of {@code POST /api/staff/{id}/end}: the last day (today if absent) and an optional reason. */
public record EndRequest(LocalDate endedOn, String reason) {
}
