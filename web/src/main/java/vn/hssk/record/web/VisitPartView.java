package vn.hssk.record.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import vn.hssk.icd10.Icd10Service;
import vn.hssk.record.Visit;
import vn.hssk.record.VisitDetails;
import vn.hssk.record.VisitService;
import vn.hssk.record.VisitTestGroup;
import vn.hssk.shared.Roles;
import vn.hssk.shared.web.Dates;
import vn.hssk.shared.web.ScreenMessages;
import vn.hssk.tenant.web.SignedInUser;

/**
 * Part D of the person open on the records screen ({@code personsView.person}): the visits newest first, and for
 * station staff a new-visit form that shows the BMI as height and weight are typed (the server computes the stored
 * one), suggests ICD-10 codes by code or name without diacritics, takes test rows and advice, and a void with a
 * reason for a wrong visit. Others read. The visits are loaded once per person opened.
 */
@Named
@ViewScoped
public class VisitPartView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "parts:visitForm";
    private static final int MAX_VISITS = 100;

    @Inject
    private PersonsView personsView;

    @Inject
    private VisitService visitService;

    @Inject
    private Icd10Service icd10Service;

    @Inject
    private SignedInUser signedIn;

    private Long loadedFor;
    private List<VisitRow> visits = List.of();
    private Long openId;
    private Draft draft;
    private Long voidingId;
    private String voidReason;

    /** A visit as the list shows it. */
    public record VisitRow(long id, LocalDate visitDate, String examiner, String reason, String vitals,
                           BigDecimal bmi, String diagnoses, String findings, List<String> tests, String conclusion,
                           String advice, boolean voided, String voidReason, String createdBy, Instant createdAt)
            implements Serializable {
        public long getId() {
            return id;
        }

        public LocalDate getVisitDate() {
            return visitDate;
        }

        public String getExaminer() {
            return examiner;
        }

        public String getReason() {
            return reason;
        }

        public String getVitals() {
            return vitals;
        }

        public BigDecimal getBmi() {
            return bmi;
        }

        public String getDiagnoses() {
            return diagnoses;
        }

        public String getFindings() {
            return findings;
        }

        public List<String> getTests() {
            return tests;
        }

        public String getConclusion() {
            return conclusion;
        }

        public String getAdvice() {
            return advice;
        }

        public boolean isVoided() {
            return voided;
        }

        public String getVoidReason() {
            return voidReason;
        }

        public String getCreatedBy() {
            return createdBy;
        }

        public Instant getCreatedAt() {
            return createdAt;
        }
    }

    /** One test row of the new-visit form. */
    public static class TestRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private VisitTestGroup group = VisitTestGroup.LAB;
        private String name;
        private String result;

        public VisitTestGroup getGroup() {
            return group;
        }

        public void setGroup(VisitTestGroup group) {
            this.group = group;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getResult() {
            return result;
        }

        public void setResult(String result) {
            this.result = result;
        }
    }

    /** The new-visit form. */
    public static class Draft implements Serializable {
        private static final long serialVersionUID = 1L;
        private LocalDate visitDate = LocalDate.now(Dates.VIETNAM);
        private String examiner;
        private String reason;
        private Integer pulse;
        private BigDecimal temperature;
        private Integer bpSystolic;
        private Integer bpDiastolic;
        private Integer respiratoryRate;
        private BigDecimal heightCm;
        private BigDecimal weightKg;
        private BigDecimal waistCm;
        private String findings;
        private List<String> diagnoses = new ArrayList<>();
        private final List<TestRow> tests = new ArrayList<>();
        private String conclusion;
        private String advice;

        VisitDetails details() {
            List<VisitDetails.TestDetails> rows = tests.stream()
                    .filter(t -> t.getName() != null && !t.getName().isBlank()
                            || t.getResult() != null && !t.getResult().isBlank())
                    .map(t -> new VisitDetails.TestDetails(t.getGroup(), t.getName(), t.getResult())).toList();
            List<String> codes = diagnoses == null ? List.of()
                    : diagnoses.stream().map(IcdOptions::code).filter(Objects::nonNull).toList();
            return new VisitDetails(visitDate, examiner, reason, pulse, temperature, bpSystolic, bpDiastolic,
                    respiratoryRate, heightCm, weightKg, waistCm, findings, rows, codes, conclusion, advice);
        }

        /** The BMI the server will compute, shown while typing; blank for implausible or missing values. */
        public BigDecimal getBmi() {
            try {
                return Visit.bmi(heightCm, weightKg);
            } catch (ArithmeticException e) {
                return null;
            }
        }

        public LocalDate getVisitDate() {
            return visitDate;
        }

        public void setVisitDate(LocalDate visitDate) {
            this.visitDate = visitDate;
        }

        public String getExaminer() {
            return examiner;
        }

        public void setExaminer(String examiner) {
            this.examiner = examiner;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }

        public Integer getPulse() {
            return pulse;
        }

        public void setPulse(Integer pulse) {
            this.pulse = pulse;
        }

        public BigDecimal getTemperature() {
            return temperature;
        }

        public void setTemperature(BigDecimal temperature) {
            this.temperature = temperature;
        }

        public Integer getBpSystolic() {
            return bpSystolic;
        }

        public void setBpSystolic(Integer bpSystolic) {
            this.bpSystolic = bpSystolic;
        }

        public Integer getBpDiastolic() {
            return bpDiastolic;
        }

        public void setBpDiastolic(Integer bpDiastolic) {
            this.bpDiastolic = bpDiastolic;
        }

        public Integer getRespiratoryRate() {
            return respiratoryRate;
        }

        public void setRespiratoryRate(Integer respiratoryRate) {
            this.respiratoryRate = respiratoryRate;
        }

        public BigDecimal getHeightCm() {
            return heightCm;
        }

        public void setHeightCm(BigDecimal heightCm) {
            this.heightCm = heightCm;
        }

        public BigDecimal getWeightKg() {
            return weightKg;
        }

        public void setWeightKg(BigDecimal weightKg) {
            this.weightKg = weightKg;
        }

        public BigDecimal getWaistCm() {
            return waistCm;
        }

        public void setWaistCm(BigDecimal waistCm) {
            this.waistCm = waistCm;
        }

        public String getFindings() {
            return findings;
        }

        public void setFindings(String findings) {
            this.findings = findings;
        }

        public List<String> getDiagnoses() {
            return diagnoses;
        }

        public void setDiagnoses(List<String> diagnoses) {
            this.diagnoses = diagnoses;
        }

        public List<TestRow> getTests() {
            return tests;
        }

        public String getConclusion() {
            return conclusion;
        }

        public void setConclusion(String conclusion) {
            this.conclusion = conclusion;
        }

        public String getAdvice() {
            return advice;
        }

        public void setAdvice(String advice) {
            this.advice = advice;
        }
    }

    public List<VisitRow> getVisits() {
        Long personId = personId();
        if (!Objects.equals(personId, loadedFor)) {
            loadedFor = personId;
            draft = null;
            openId = null;
            voidingId = null;
            load();
        }
        return visits;
    }

    private void load() {
        if (loadedFor == null) {
            visits = List.of();
            return;
        }
        try {
            visits = visitService.list(loadedFor, 0, MAX_VISITS).stream().map(VisitPartView::row).toList();
        } catch (RuntimeException e) {
            visits = List.of();
            ScreenMessages.failure(e, null);
        }
    }

    private static VisitRow row(Visit v) {
        List<String> vitals = new ArrayList<>();
        add(vitals, "vital.pulse", v.getPulse());
        add(vitals, "vital.temperature", plain(v.getTemperature()));
        if (v.getBpSystolic() != null) {
            vitals.add(PartTexts.text("vital.bp", "BP") + " " + v.getBpSystolic() + "/" + v.getBpDiastolic());
        }
        add(vitals, "vital.respiratoryRate", v.getRespiratoryRate());
        add(vitals, "vital.height", plain(v.getHeightCm()));
        add(vitals, "vital.weight", plain(v.getWeightKg()));
        add(vitals, "vital.waist", plain(v.getWaistCm()));
        String dx = v.getDiagnoses().stream().map(d -> d.getCode() + " " + d.getName())
                .collect(Collectors.joining("; "));
        List<String> tests = v.getTests().stream().map(t -> t.getName()
                + (t.getResult() == null ? "" : ": " + t.getResult())).toList();
        return new VisitRow(v.getId(), v.getVisitDate(), v.getExaminer(), v.getReason(), String.join(" · ", vitals),
                v.getBmi(), dx, v.getFindings(), tests, v.getConclusion(), v.getAdvice(), v.isVoided(),
                v.getVoidReason(), v.getCreatedBy(), v.getCreatedAt());
    }

    private static void add(List<String> parts, String key, Object value) {
        if (value != null) {
            parts.add(PartTexts.text(key, key) + " " + value);
        }
    }

    private static String plain(BigDecimal b) {
        return b == null ? null : b.stripTrailingZeros().toPlainString();
    }

    public void startNew() {
        draft = new Draft();
        draft.getTests().add(new TestRow());
        voidingId = null;
    }

    public void cancelNew() {
        draft = null;
    }

    public void addTest() {
        if (draft != null) {
            draft.getTests().add(new TestRow());
        }
    }

    public void removeTest(TestRow row) {
        if (draft != null) {
            draft.getTests().remove(row);
        }
    }

    public void save() {
        try {
            Visit saved = visitService.record(loadedFor, draft.details());
            PartTexts.info("visit.recorded", saved.getBmi() == null ? "–" : saved.getBmi());
            draft = null;
            load();
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, FORM);
        }
    }

    public void toggle(long visitId) {
        openId = Objects.equals(openId, visitId) ? null : visitId;
    }

    public boolean isOpen(long visitId) {
        return Objects.equals(openId, visitId);
    }

    public void startVoid(long visitId) {
        voidingId = visitId;
        voidReason = null;
        draft = null;
    }

    public void cancelVoid() {
        voidingId = null;
        voidReason = null;
    }

    public void confirmVoid() {
        try {
            visitService.voidVisit(loadedFor, voidingId, voidReason);
            PartTexts.info("visit.voided");
            cancelVoid();
            load();
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, FORM);
        }
    }

    public List<String> completeIcd(String query) {
        return IcdOptions.complete(icd10Service, query);
    }

    private Long personId() {
        PersonForm person = personsView.getPerson();
        return person == null || person.isNew() ? null : person.getId();
    }

    public boolean isMayEdit() {
        PersonForm person = personsView.getPerson();
        return signedIn.me().roles().contains(Roles.STATION_STAFF) && person != null && !person.isVoided();
    }

    public VisitTestGroup[] getTestGroups() {
        return VisitTestGroup.values();
    }

    /** The years the visit-date picker offers: from the person's birth to this year. */
    public String getYearRange() {
        PersonForm person = personsView.getPerson();
        int from = person == null || person.getBirthDate() == null ? 1900 : person.getBirthDate().getYear();
        return from + ":" + LocalDate.now(Dates.VIETNAM).getYear();
    }

    public Draft getDraft() {
        return draft;
    }

    public Long getVoidingId() {
        return voidingId;
    }

    public String getVoidReason() {
        return voidReason;
    }

    public void setVoidReason(String voidReason) {
        this.voidReason = voidReason;
    }
}
