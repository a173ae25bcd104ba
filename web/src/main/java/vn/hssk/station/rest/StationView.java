package vn.hssk.station.rest;

import java.time.LocalDate;
import vn.hssk.station.HealthStation;
import vn.hssk.unit.AdministrativeUnit;

/** A station as the API shows it; {@code kind} is MAIN or SUB_SITE. */
public record StationView(long id, String kind, String name, String facilityCode, long communeId, String commune,
                          String communeName, Long parentId, String parentName, String formerCommune,
                          String formerCommuneName, String address, String phone, String openingHours,
                          LocalDate closedOn, String closeReason, int version) {

    public static StationView of(HealthStation s) {
        AdministrativeUnit c = s.getCommune();
        HealthStation p = s.getParent();
        AdministrativeUnit f = s.getFormerCommune();
        return new StationView(s.getId(), s.isMain() ? "MAIN" : "SUB_SITE", s.getName(), s.getFacilityCode(),
                c.getId(), c.getCode(), c.getName(), p == null ? null : p.getId(), p == null ? null : p.getName(),
                f == null ? null : f.getCode(), f == null ? null : f.getName(), s.getAddress(), s.getPhone(),
                s.getOpeningHours(), s.getClosedOn(), s.getCloseReason(), s.getVersion());
    }
}
