package vn.hssk.station.rest;

import java.time.LocalDate;

/** The body of {@code POST /api/stations/{id}/close}: the closing day (today if absent) and the reason. */
public record CloseRequest(LocalDate closedOn, String reason) {
}
