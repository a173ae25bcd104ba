package vn.hssk.care.rest;

import java.time.LocalDate;

/** The body of ending an enrolment: the day (today if omitted), the reason and the version the user saw. */
public record EndEnrolmentRequest(LocalDate endedOn, String reason, Integer version) {
}
