package vn.hssk.immunization.rest;

import java.time.LocalDate;
import vn.hssk.immunization.DueList;

/** One line of a due list: the child, the next dose of one vaccine and when it is due. */
public record DueEntryView(long personId, String fullName, String sex, LocalDate birthDate, long villageId,
                           String villageCode, String villageName, String vaccine, String vaccineName,
                           int doseNumber, String doseLabel, LocalDate dueDate, LocalDate earliestDate,
                           String status) {

    static DueEntryView of(DueList.Entry e) {
        DueList.Child c = e.child();
        return new DueEntryView(c.personId(), c.fullName(), c.sex().name(), c.birthDate(), c.villageId(),
                c.villageCode(), c.villageName(), e.vaccineCode(), e.vaccineName(), e.doseNumber(), e.doseLabel(),
                e.dueDate(), e.earliestDate(), e.status().name());
    }
}
