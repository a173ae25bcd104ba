package vn.hssk.care.rest;

import java.time.LocalDate;

/** The body of enrolling a person: the programme's code, the day (today if omitted) and a note. */
public record EnrolRequest(String programme, LocalDate enrolledOn, String note) {
}
