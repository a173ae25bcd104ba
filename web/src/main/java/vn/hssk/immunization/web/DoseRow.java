package vn.hssk.immunization.web;

import java.time.LocalDate;
import vn.hssk.immunization.Immunization;

/** One dose as the part C table shows it. */
public record DoseRow(long id, String vaccineCode, String vaccineName, String doseLabel, LocalDate givenOn,
                      String source, String lotNumber, String site, String givenBy, String place,
                      String overrideReason) {

    static DoseRow of(Immunization d) {
        return new DoseRow(d.getId(), d.getVaccine().getCode(), d.getVaccine().getName(),
                d.getSchedule() == null ? String.valueOf(d.getDoseNumber()) : d.getSchedule().getDoseLabel(),
                d.getGivenOn(), d.getSource().name(), d.getLot() == null ? null : d.getLot().getLotNumber(),
                d.getSite() == null ? null : d.getSite().name(), d.getGivenBy(), d.getPlace(), d.getOverrideReason());
    }
}
