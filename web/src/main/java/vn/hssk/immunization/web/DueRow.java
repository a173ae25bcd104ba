package vn.hssk.immunization.web;

import java.io.Serializable;
import java.time.LocalDate;
import vn.hssk.immunization.DueList;

/** One line of the due list screen and the invitation page. */
public record DueRow(long personId, String fullName, LocalDate birthDate, String villageName, String vaccineCode,
                     String vaccineName, int doseNumber, LocalDate dueDate, String status) implements Serializable {

    static DueRow of(DueList.Entry e) {
        return new DueRow(e.child().personId(), e.child().fullName(), e.child().birthDate(), e.child().villageName(),
                e.vaccineCode(), e.vaccineName(), e.doseNumber(), e.dueDate(), e.status().name());
    }
}
