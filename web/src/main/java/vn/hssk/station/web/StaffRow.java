package vn.hssk.station.web;

import java.io.Serializable;
import java.time.LocalDate;
import vn.hssk.station.StaffPosition;
import vn.hssk.station.StationStaff;

/** One line of a station's staff table. */
public record StaffRow(long id, String fullName, StaffPosition position, String licenceNumber, String phone,
                       String username, LocalDate startedOn, LocalDate endedOn, String endReason, int version)
        implements Serializable {

    static StaffRow of(StationStaff m) {
        return new StaffRow(m.getId(), m.getFullName(), m.getPosition(), m.getLicenceNumber(), m.getPhone(),
                m.getUsername(), m.getStartedOn(), m.getEndedOn(), m.getEndReason(), m.getVersion());
    }

    public boolean hasLeft() {
        return endedOn != null;
    }
}
