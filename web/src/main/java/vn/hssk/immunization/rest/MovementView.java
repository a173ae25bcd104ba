package vn.hssk.immunization.rest;

import java.time.Instant;
import java.time.LocalDate;
import vn.hssk.immunization.StockMovement;

/** One stock movement of a station; {@code quantity} is signed. */
public record MovementView(long id, long stationId, long lotId, String kind, int quantity, LocalDate occurredOn,
                           Long immunizationId, String reason, Instant createdAt, String createdBy) {

    static MovementView of(StockMovement m) {
        return new MovementView(m.getId(), m.getStationId(), m.getLotId(), m.getKind().name(), m.getQuantity(),
                m.getOccurredOn(), m.getImmunizationId(), m.getReason(), m.getCreatedAt(), m.getCreatedBy());
    }
}
