package vn.hssk.station.rest;

/**
 * The body of {@code POST /api/stations} and {@code PUT /api/stations/{id}}. A main station names its commune (code);
 * a sub-site names its main station ({@code parentId}) and optionally the former commune it serves (code). The
 * commune and main station of a station do not change.
 */
public record StationRequest(String name, String facilityCode, String commune, Long parentId, String formerCommune,
                             String address, String phone, String openingHours, Integer version) {
}
