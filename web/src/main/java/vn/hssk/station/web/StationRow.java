package vn.hssk.station.web;

import java.io.Serializable;
import java.time.LocalDate;
import vn.hssk.station.HealthStation;

/** One line of the stations table, a copy the view can keep between requests. */
public record StationRow(long id, boolean main, String name, String facilityCode, String communeCode,
                         String communeName, Long parentId, String parentName, String formerCommuneCode,
                         String formerCommuneName, String address, String phone, String openingHours,
                         LocalDate closedOn, String closeReason, int version) implements Serializable {

    static StationRow of(HealthStation s) {
        HealthStation p = s.getParent();
        return new StationRow(s.getId(), s.isMain(), s.getName(), s.getFacilityCode(), s.getCommune().getCode(),
                s.getCommune().getName(), p == null ? null : p.getId(), p == null ? null : p.getName(),
                s.getFormerCommune() == null ? null : s.getFormerCommune().getCode(),
                s.getFormerCommune() == null ? null : s.getFormerCommune().getName(), s.getAddress(), s.getPhone(),
                s.getOpeningHours(), s.getClosedOn(), s.getCloseReason(), s.getVersion());
    }

    public boolean isClosed() {
        return closedOn != null;
    }
}
