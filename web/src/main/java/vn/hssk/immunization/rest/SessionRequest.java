package vn.hssk.immunization.rest;

import java.util.List;

/** The body of {@code POST /api/sessions}: a session of a station on a day (yyyy-MM-dd), its place and vaccines. */
public record SessionRequest(Long stationId, String sessionDate, String place, Long villageId, List<String> vaccines,
                             String notes, Integer capacity) {
}
