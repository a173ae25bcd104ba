package vn.hssk.household.rest;

import java.time.LocalDate;
import vn.hssk.household.Household;
import vn.hssk.unit.AdministrativeUnit;

/** One household in a list: where it lives, its head and how many members live in it now. */
public record HouseholdSummary(long id, String code, long villageId, String villageCode, String villageName,
                               long communeId, String communeCode, String communeName, String address,
                               String headName, int memberCount, LocalDate closedOn, int version) {

    static HouseholdSummary of(Household h) {
        AdministrativeUnit village = h.getVillage();
        AdministrativeUnit commune = h.getCommune();
        return new HouseholdSummary(h.getId(), h.getCode(), village.getId(), village.getCode(), village.getName(),
                commune.getId(), commune.getCode(), commune.getName(), h.getAddress(), h.getHeadName(),
                h.getCurrentMemberCount(), h.getClosedOn(), h.getVersion());
    }
}
