package vn.hssk.immunization.web;

import java.io.Serializable;
import java.time.LocalDate;
import vn.hssk.immunization.Immunization;

/**
 * One dose as the part C table shows it: the dose as the schedule counts it in the vaccine's series (the schedule's
 * label, such as "MCV2 / rubella 1" for the first MR dose, names the measles programme's count, not this vaccine's).
 */
public record DoseRow(long id, String vaccineCode, String vaccineName, int doseNumber, LocalDate givenOn,
                      String source, String lotNumber, String site, String givenBy, String place,
                      String overrideReason) implements Serializable {

    static DoseRow of(Immunization d) {
        return new DoseRow(d.getId(), d.getVaccine().getCode(), d.getVaccine().getName(),
                d.getDoseNumber(),
                d.getGivenOn(), d.getSource().name(), d.getLot() == null ? null : d.getLot().getLotNumber(),
                d.getSite() == null ? null : d.getSite().name(), d.getGivenBy(), d.getPlace(), d.getOverrideReason());
    }
}
