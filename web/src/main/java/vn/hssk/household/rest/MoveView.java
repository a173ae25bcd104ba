package vn.hssk.household.rest;

import java.time.Instant;
import java.time.LocalDate;
import vn.hssk.household.HouseholdMove;

/** One entry of a household's move history. */
public record MoveView(long id, long fromVillageId, String fromVillageCode, String fromVillageName,
                       long toVillageId, String toVillageCode, String toVillageName, LocalDate date, String reason,
                       Instant recordedAt, String recordedBy) {

    static MoveView of(HouseholdMove m) {
        return new MoveView(m.getId(), m.getFromVillage().getId(), m.getFromVillage().getCode(),
                m.getFromVillage().getName(), m.getToVillage().getId(), m.getToVillage().getCode(),
                m.getToVillage().getName(), m.getMovedOn(), m.getReason(), m.getRecordedAt(), m.getRecordedBy());
    }
}
