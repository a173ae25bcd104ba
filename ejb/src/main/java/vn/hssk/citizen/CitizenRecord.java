package vn.hssk.citizen;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import vn.hssk.export.SectionContent;
import vn.hssk.immunization.PersonDoses;

/**
 * One record as its citizen reads it: who and where, the 831 parts A–D as the record export shows them, the
 * vaccinations with the next due doses, and the station to turn to. The id serves only to ask for this record again
 * (a certificate, the access history); the portal checks every time that it is the citizen's or a child's.
 */
public record CitizenRecord(long personId, String fullName, LocalDate birthDate, String village, String commune,
                            String station, List<SectionContent> sections, PersonDoses doses)
        implements Serializable {
}
