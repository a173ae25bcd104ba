package vn.hssk.station;

import java.time.LocalDate;

/** What an administrator writes about a staff member of a station. */
public record StaffDetails(String fullName, StaffPosition position, String licenceNumber, String phone,
                           String username, LocalDate startedOn) {
}
