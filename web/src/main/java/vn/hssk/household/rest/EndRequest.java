package vn.hssk.household.rest;

import java.time.LocalDate;

/**
 * The body of closing a household and of a member leaving it: the date (today if omitted), the reason and the version
 * the user saw.
 */
public record EndRequest(LocalDate date, String reason, Integer version) {
}
