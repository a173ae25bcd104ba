package vn.hssk.household;

import java.time.LocalDate;

/** What a user states about a household member when adding or correcting them. */
public record MemberDetails(String fullName, Sex sex, LocalDate birthDate, MemberRelation relation,
                            String personalId) {
}
