package vn.hssk.station.rest;

import java.time.LocalDate;
import vn.hssk.station.StationStaff;

/** A staff member of a station as the API shows them. */
public record StaffView(long id, long stationId, String stationName, String commune, String fullName, String position,
                        String licenceNumber, String phone, String username, LocalDate startedOn, LocalDate endedOn,
                        String endReason, int version) {

    public static StaffView of(StationStaff m) {
        return new StaffView(m.getId(), m.getStation().getId(), m.getStation().getName(),
                m.getStation().getCommune().getCode(), m.getFullName(), m.getPosition().name(), m.getLicenceNumber(),
                m.getPhone(), m.getUsername(), m.getStartedOn(), m.getEndedOn(), m.getEndReason(), m.getVersion());
    }
}
