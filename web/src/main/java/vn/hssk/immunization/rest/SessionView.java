package vn.hssk.immunization.rest;

import java.time.LocalDate;
import java.util.List;
import vn.hssk.immunization.VaccinationSession;

/** A vaccination session. */
public record SessionView(long id, long stationId, String stationName, LocalDate sessionDate, String place,
                          Long villageId, String villageName, List<String> vaccines, String notes, boolean cancelled,
                          String cancelReason, Integer capacity) {

    static SessionView of(VaccinationSession s) {
        return new SessionView(s.getId(), s.getStation().getId(), s.getStation().getName(), s.getSessionDate(),
                s.getPlace(), s.getVillage() == null ? null : s.getVillage().getId(),
                s.getVillage() == null ? null : s.getVillage().getName(), List.copyOf(s.getVaccines()), s.getNotes(),
                s.isCancelled(), s.getCancelReason(), s.getCapacity());
    }
}
