package vn.hssk.immunization.rest;

import java.time.LocalDate;
import vn.hssk.immunization.Immunization;

/** One dose of part C. */
public record DoseView(long id, long personId, String vaccine, String vaccineName, String antigen, int doseNumber,
                       String doseLabel, LocalDate givenOn, String source, Long stationId, Long lotId,
                       String lotNumber, String site, String givenBy, String place, String overrideReason,
                       boolean voided, String voidReason) {

    static DoseView of(Immunization d) {
        return new DoseView(d.getId(), d.getPersonId(), d.getVaccine().getCode(), d.getVaccine().getName(),
                d.getVaccine().getAntigen(), d.getDoseNumber(),
                d.getSchedule() == null ? String.valueOf(d.getDoseNumber()) : d.getSchedule().getDoseLabel(),
                d.getGivenOn(), d.getSource().name(), d.getStationId(), d.getLot() == null ? null : d.getLot().getId(),
                d.getLot() == null ? null : d.getLot().getLotNumber(), d.getSite() == null ? null : d.getSite().name(),
                d.getGivenBy(), d.getPlace(), d.getOverrideReason(), d.isVoided(), d.getVoidReason());
    }
}
