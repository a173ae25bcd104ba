package vn.hssk.station.rest;

import java.time.LocalDate;

/**
 * The body of {@code POST /api/staff} (with the station) and {@code PUT /api/staff/{id}}. The position is one of
 * HEAD, DOCTOR, ASSISTANT_DOCTOR, NURSE, MIDWIFE, PHARMACIST, OTHER.
 */
public record StaffRequest(Long stationId, String fullName, String position, String licenceNumber, String phone,
                           String username, LocalDate startedOn, Integer version) {
}
