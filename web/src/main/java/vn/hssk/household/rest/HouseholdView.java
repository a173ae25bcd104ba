package vn.hssk.household.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.hssk.household.Household;
import vn.hssk.household.HouseholdMember;
import vn.hssk.unit.AdministrativeUnit;

/** A household with all its members, present and past; {@code memberCount} counts those who have not left. */
public record HouseholdView(long id, String code, long villageId, String villageCode, String villageName,
                            long communeId, String communeCode, String communeName, String address, String headName,
                            String phone, String notes, LocalDate closedOn, String closeReason, int memberCount,
                            List<MemberView> members, Instant createdAt, String createdBy, Instant changedAt,
                            String changedBy, int version) {

    static HouseholdView of(Household h) {
        AdministrativeUnit village = h.getVillage();
        AdministrativeUnit commune = h.getCommune();
        List<MemberView> members = h.getMembers().stream().map(MemberView::of).toList();
        int present = (int) h.getMembers().stream().filter(HouseholdMember::isPresent).count();
        return new HouseholdView(h.getId(), h.getCode(), village.getId(), village.getCode(), village.getName(),
                commune.getId(), commune.getCode(), commune.getName(), h.getAddress(), h.getHeadName(), h.getPhone(),
                h.getNotes(), h.getClosedOn(), h.getCloseReason(), present, members, h.getCreatedAt(),
                h.getCreatedBy(), h.getChangedAt(), h.getChangedBy(), h.getVersion());
    }
}
