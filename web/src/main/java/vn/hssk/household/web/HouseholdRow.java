package vn.hssk.household.web;

import java.io.Serializable;
import vn.hssk.household.Household;

/**
 * One line of the households table, copied from the entity so the view can keep it between requests. Faces 4.0
 * (EL 5) reads getters, not record accessors, hence the getters.
 */
public record HouseholdRow(long id, String code, String headName, String villageName, String communeName,
                           String address, int memberCount) implements Serializable {

    static HouseholdRow of(Household h) {
        return new HouseholdRow(h.getId(), h.getCode(), h.getHeadName(), h.getVillage().getName(),
                h.getCommune().getName(), h.getAddress(), h.getCurrentMemberCount());
    }

    public long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getHeadName() {
        return headName;
    }

    public String getVillageName() {
        return villageName;
    }

    public String getCommuneName() {
        return communeName;
    }

    public String getAddress() {
        return address;
    }

    public int getMemberCount() {
        return memberCount;
    }
}
