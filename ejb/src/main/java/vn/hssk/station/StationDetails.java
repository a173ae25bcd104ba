package vn.hssk.station;

/** What an administrator writes about a station; the commune and main station are chosen separately. */
public record StationDetails(String name, String facilityCode, String address, String phone, String openingHours) {
}
