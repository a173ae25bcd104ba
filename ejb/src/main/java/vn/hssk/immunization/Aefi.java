package vn.hssk.immunization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.hssk.shared.Audited;
import vn.hssk.shared.FieldCheck;

/**
 * An adverse event after immunization (phản ứng sau tiêm), reported on the dose that preceded it: onset, symptoms,
 * severity, outcome and to whom it was reported. It cannot start before the dose was given.
 */
@Entity
@Table(name = "aefi")
public class Aefi extends Audited {

    /** How serious the event was. */
    public enum Severity { MILD, MODERATE, SEVERE }

    /** How it ended (so far). */
    public enum Outcome { RECOVERED, RECOVERING, SEQUELAE, DIED, UNKNOWN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "immunization_id", nullable = false)
    private long immunizationId;

    @Column(name = "person_id", nullable = false)
    private long personId;

    @Column(name = "onset_on", nullable = false)
    private LocalDate onsetOn;

    @Column(nullable = false, length = 1000)
    private String symptoms;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Outcome outcome;

    @Column(name = "reported_to", length = 200)
    private String reportedTo;

    @Column(name = "reported_on")
    private LocalDate reportedOn;

    @Column(nullable = false)
    private boolean voided;

    @Column(name = "void_reason", length = 500)
    private String voidReason;

    protected Aefi() {
    }

    Aefi(Immunization dose, LocalDate onsetOn, String symptoms, Severity severity, Outcome outcome,
         String reportedTo, LocalDate reportedOn, String actor) {
        FieldCheck check = new FieldCheck();
        check.pastOrToday("onsetOn", onsetOn, "Onset");
        if (onsetOn != null && onsetOn.isBefore(dose.getGivenOn())) {
            check.fail("onsetOn", "aefi.onsetBeforeDose", "Onset cannot be before the dose was given");
        }
        this.symptoms = check.text("symptoms", symptoms, 1000, true, "Symptoms");
        check.required("severity", severity, "Severity (MILD, MODERATE, SEVERE)");
        this.reportedTo = check.text("reportedTo", reportedTo, 200, false, "Reported to");
        if (reportedOn != null) {
            check.pastOrToday("reportedOn", reportedOn, "Reported on");
            if (onsetOn != null && reportedOn.isBefore(onsetOn)) {
                check.fail("reportedOn", "aefi.reportedBeforeOnset", "Reported on cannot be before the onset");
            }
        }
        check.throwIfAny();
        this.immunizationId = dose.getId();
        this.personId = dose.getPersonId();
        this.onsetOn = onsetOn;
        this.severity = severity;
        this.outcome = outcome == null ? Outcome.UNKNOWN : outcome;
        this.reportedOn = reportedOn;
        recordCreation(actor);
    }

    public Map<String, String> snapshot() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("aefi", String.valueOf(id));
        s.put("immunization", String.valueOf(immunizationId));
        s.put("onsetOn", String.valueOf(onsetOn));
        s.put("symptoms", symptoms);
        s.put("severity", severity.name());
        s.put("outcome", outcome.name());
        s.put("reportedTo", reportedTo);
        return s;
    }

    public Long getId() {
        return id;
    }

    public long getImmunizationId() {
        return immunizationId;
    }

    public long getPersonId() {
        return personId;
    }

    public LocalDate getOnsetOn() {
        return onsetOn;
    }

    public String getSymptoms() {
        return symptoms;
    }

    public Severity getSeverity() {
        return severity;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getReportedTo() {
        return reportedTo;
    }

    public LocalDate getReportedOn() {
        return reportedOn;
    }

    public boolean isVoided() {
        return voided;
    }
}
