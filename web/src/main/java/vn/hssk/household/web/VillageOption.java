package vn.hssk.household.web;

import java.io.Serializable;
import vn.hssk.unit.AdministrativeUnit;

/**
 * A village the user may filter by or place a household in, labelled with its commune. EL 5 reads getters, not
 * record accessors, hence the getters.
 */
public record VillageOption(long id, String label) implements Serializable {

    static VillageOption of(AdministrativeUnit village) {
        return new VillageOption(village.getId(), village.getName() + " – " + village.getParent().getName());
    }

    public long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }
}
