package vn.hssk.household.web;

import java.io.Serializable;
import java.time.LocalDate;
import vn.hssk.shared.web.Dates;

/**
 * What the move, close and leave forms collect: the date (today unless changed), the reason, and for a move the
 * village, for a leave the member.
 */
public class EventForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private LocalDate date = LocalDate.now(Dates.VIETNAM);
    private String reason;
    private Long villageId;
    private Long memberId;

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Long getVillageId() {
        return villageId;
    }

    public void setVillageId(Long villageId) {
        this.villageId = villageId;
    }

    public Long getMemberId() {
        return memberId;
    }

    public void setMemberId(Long memberId) {
        this.memberId = memberId;
    }
}
