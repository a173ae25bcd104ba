package vn.hssk.station.web;

import java.io.Serializable;
import java.time.LocalDate;

/** The closing form of a station and the leaving form of a staff member: the day and the reason. */
public class Ending implements Serializable {

    private static final long serialVersionUID = 1L;

    private long id;
    private String name;
    private LocalDate day = LocalDate.now();
    private String reason;

    Ending(long id, String name) {
        this.id = id;
        this.name = name;
    }

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public LocalDate getDay() {
        return day;
    }

    public void setDay(LocalDate day) {
        this.day = day;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
