package vn.hssk.export;

import vn.hssk.record.Person;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;

/** Where a person lives, as the exports name it: village, commune and province (any district in between is skipped). */
public record Place(AdministrativeUnit village, AdministrativeUnit commune, AdministrativeUnit province) {

    public static Place of(Person person) {
        AdministrativeUnit province = null;
        for (AdministrativeUnit u = person.getVillage(); u != null; u = u.getParent()) {
            if (u.getLevel() == UnitLevel.PROVINCE) {
                province = u;
            }
        }
        return new Place(person.getVillage(), person.getCommune(), province);
    }
}
