package vn.hssk.immunization.rest;

import java.time.LocalDate;
import vn.hssk.immunization.VaccineLot;

/** A lot as the province holds it: {@code unallocated} is what the province store still has. */
public record LotView(long id, String vaccine, String lotNumber, LocalDate expiry, int quantity, int unallocated,
                      LocalDate receivedOn) {

    static LotView of(VaccineLot l) {
        return new LotView(l.getId(), l.getVaccine().getCode(), l.getLotNumber(), l.getExpiry(), l.getQuantity(),
                l.getUnallocated(), l.getReceivedOn());
    }
}
