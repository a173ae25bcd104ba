package vn.hssk.household.web;

import java.io.Serializable;
import java.time.LocalDate;
import vn.hssk.household.HouseholdMember;
import vn.hssk.household.MemberRelation;
import vn.hssk.household.Sex;

/**
 * A member as the household dialog lists them, present or gone. EL 5 reads getters, not record accessors, hence the
 * getters.
 */
public record MemberRow(long id, String fullName, Sex sex, LocalDate birthDate, MemberRelation relation,
                        String personalId, LocalDate leftOn, String leaveReason) implements Serializable {

    static MemberRow of(HouseholdMember m) {
        return new MemberRow(m.getId(), m.getFullName(), m.getSex(), m.getBirthDate(), m.getRelation(),
                m.getPersonalId(), m.getLeftOn(), m.getLeaveReason());
    }

    public boolean isPresent() {
        return leftOn == null;
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

    public MemberRelation getRelation() {
        return relation;
    }

    public String getPersonalId() {
        return personalId;
    }

    public LocalDate getLeftOn() {
        return leftOn;
    }

    public String getLeaveReason() {
        return leaveReason;
    }
}
