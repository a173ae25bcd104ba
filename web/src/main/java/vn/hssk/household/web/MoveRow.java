package vn.hssk.household.web;

import java.io.Serializable;
import java.time.LocalDate;
import vn.hssk.household.HouseholdMove;

/** One line of a household's move history. EL 5 reads getters, not record accessors, hence the getters. */
public record MoveRow(LocalDate date, String from, String to, String reason, String recordedBy)
        implements Serializable {

    static MoveRow of(HouseholdMove m) {
        return new MoveRow(m.getMovedOn(), m.getFromVillage().getName(), m.getToVillage().getName(), m.getReason(),
                m.getRecordedBy());
    }

    public LocalDate getDate() {
        return date;
    }

    public String getFrom() {
        return from;
    }

    public String getTo() {
        return to;
    }

    public String getReason() {
        return reason;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
