package vn.hssk.immunization;

import java.time.LocalDate;
import java.util.List;

/**
 * What the public pages may show, and nothing more: a certificate's content, or a citizen's doses and next due dose.
 */
public record PublicRecord(String content) {

    /** One dose as a citizen sees it: the vaccine's Vietnamese name, the dose as the schedule counts it. */
    public record Dose(String vaccine, String vaccineName, int doseNumber, LocalDate givenOn) {
    }

    /** The answer to a citizen's look-up. */
    public record Lookup(String fullName, List<Dose> doses, Dose nextDue) {
    }
}
