package vn.hssk.immunization.rest;

import java.time.LocalDate;
import vn.hssk.immunization.Aefi;

/** An adverse event after immunization. */
public record AefiView(long id, long personId, long doseId, LocalDate onsetOn, String symptoms, String severity,
                       String outcome, String reportedTo, LocalDate reportedOn) {

    static AefiView of(Aefi a) {
        return new AefiView(a.getId(), a.getPersonId(), a.getImmunizationId(), a.getOnsetOn(), a.getSymptoms(),
                a.getSeverity().name(), a.getOutcome().name(), a.getReportedTo(), a.getReportedOn());
    }
}
