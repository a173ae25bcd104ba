package vn.hssk.care;

import java.io.Serializable;
import java.time.LocalDate;

/** An enrolled person whose follow-up is overdue: who, where, which programme, since when. */
public record MissedFollowUp(long personId, String fullName, LocalDate birthDate, String villageName,
                             long enrolmentId, String programme, LocalDate lastFollowUp, LocalDate dueOn)
                                     implements Serializable {
}
