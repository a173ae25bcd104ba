package vn.hssk.record;

import java.time.LocalDate;
import vn.hssk.household.MemberRelation;
import vn.hssk.household.Sex;

/**
 * What staff state about a person in part A. The village and the household are chosen by unit and household id; a
 * missing personal ID asks for a provisional newborn record.
 */
public record PersonDetails(String fullName, Sex sex, LocalDate birthDate, String personalId, String bhytNumber,
                            String ethnicity, String religion, String occupation, String phone, Long villageId,
                            String address, Long householdId, MemberRelation relationToHead, AboGroup bloodAbo,
                            RhFactor bloodRh) {
}
