package vn.hssk.record.web;

import java.io.Serializable;
import java.time.LocalDate;
import vn.hssk.household.Sex;
import vn.hssk.record.Person;

/**
 * One line of the persons table, copied from the entity so the view can keep it between requests. EL 5 reads
 * getters, not record accessors, hence the getters.
 */
public record PersonRow(long id, String fullName, Sex sex, LocalDate birthDate, String personalId,
                        String villageName, String communeName, Long householdId) implements Serializable {

    static PersonRow of(Person p) {
        return new PersonRow(p.getId(), p.getFullName(), p.getSex(), p.getBirthDate(), p.getPersonalId(),
                p.getVillage().getName(), p.getCommune().getName(), p.getHouseholdId());
    }

    public boolean isProvisional() {
        return personalId == null;
    }

    public long getId() {
        return id;
    }

    public String getFullName() {
        return fullName;
    }

    public Sex getSex() {
        return sex;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public String getPersonalId() {
        return personalId;
    }

    public String getVillageName() {
        return villageName;
    }

    public String getCommuneName() {
        return communeName;
    }

    public Long getHouseholdId() {
        return householdId;
    }
}
