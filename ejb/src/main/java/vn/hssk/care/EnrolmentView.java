package vn.hssk.care;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** An enrolment of a person with its live follow-ups (newest first) and, while open, the next one due. */
public record EnrolmentView(long id, long personId, String programme, String programmeNameVi,
                            String programmeNameEn, LocalDate enrolledOn, String note, LocalDate endedOn,
                            String endReason, int version, List<FollowUp> followUps, LocalDate nextDue,
                            CareRules.Status status) implements Serializable {

    public record FollowUp(long visitId, LocalDate visitDate, Integer bpSystolic, Integer bpDiastolic,
                           BigDecimal weightKg, BigDecimal glucoseMmol) implements Serializable {
    }
}
