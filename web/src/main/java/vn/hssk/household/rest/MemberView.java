package vn.hssk.household.rest;

import java.time.LocalDate;
import vn.hssk.household.HouseholdMember;

/** A household member as the API shows it; {@code leftOn} is set once they left. */
public record MemberView(long id, String fullName, String sex, LocalDate birthDate, String relation,
                         String personalId, Long personId, LocalDate leftOn, String leaveReason, int version) {

    static MemberView of(HouseholdMember m) {
        return new MemberView(m.getId(), m.getFullName(), m.getSex().name(), m.getBirthDate(),
                m.getRelation().name(), m.getPersonalId(), m.getPersonId(), m.getLeftOn(), m.getLeaveReason(),
                m.getVersion());
    }
}
