package vn.hssk.immunization;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * A person's vaccinations as the person reads them: the live doses given, and the next dose of each routine series
 * with its due day (overdue when that day has passed). Vaccine names are Vietnamese, with the catalog's English name
 * beside them.
 */
public record PersonDoses(List<Given> given, List<Due> due) implements Serializable {

    public record Given(String vaccine, String vaccineName, String vaccineNameEn, int doseNumber, LocalDate givenOn,
                        String place) implements Serializable {
    }

    public record Due(String vaccine, String vaccineName, String vaccineNameEn, int doseNumber, LocalDate dueOn,
                      boolean overdue) implements Serializable {
    }
}
