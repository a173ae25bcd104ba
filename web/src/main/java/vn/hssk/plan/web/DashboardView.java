package vn.hssk.plan.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import vn.hssk.care.CareService;
import vn.hssk.care.ProgrammeCounts;
import vn.hssk.plan.CommuneDashboard;
import vn.hssk.plan.Period;
import vn.hssk.plan.ProgressService;
import vn.hssk.shared.web.Language;
import vn.hssk.shared.web.ScreenMessages;

/**
 * The commune chair's dashboard: per village the quota, records created, share reached, created this week, the
 * trend over the last weeks (charts) and the forecast day at the current pace, for one of the chair's communes
 * (province administrators pick any); and the same as a weekly or monthly report in XLSX or PDF.
 */
@Named
@ViewScoped
public class DashboardView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");

    @Inject
    private ProgressService progressService;

    @Inject
    private Language language;

    private List<CommuneChoice> communes;
    private String commune;
    private String period = String.valueOf(Period.today().getYear());
    private String reportPeriod = Period.week(Period.today()).key();
    private CommuneDashboard dashboard;
    private List<ProgrammeCounts> careCounts;

    @Inject
    private CareService care;

    @PostConstruct
    void init() {
        communes = progressService.communes().stream().map(c -> new CommuneChoice(c.code(), c.name())).toList();
        String requested = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext()
                .getRequestParameterMap().get("commune");
        if (requested != null && communes.stream().anyMatch(c -> c.code().equals(requested))) {
            commune = requested;
        } else if (!communes.isEmpty()) {
            commune = communes.get(0).code();
        }
        load();
    }

    public void load() {
        if (commune == null) {
            dashboard = null;
            return;
        }
        try {
            dashboard = progressService.dashboard(commune, period);
            careCounts = care.counts(dashboard.communeId());
        } catch (RuntimeException e) {
            dashboard = null;
            ScreenMessages.failure(e, "dashboard");
        }
    }

    /** The commune's programmes of follow-up: enrolled, overdue, follow-ups this month (counts, nobody named). */
    public List<ProgrammeCounts> getCareCounts() {
        return careCounts;
    }

    public String careName(ProgrammeCounts c) {
        return language.isEnglish() ? c.nameEn() : c.nameVi();
    }

    public String getTrendChart() {
        if (dashboard == null) {
            return null;
        }
        ChartJson chart = new ChartJson("line", weekLabels(), language.getLocale()).counts();
        for (CommuneDashboard.Line v : dashboard.villages()) {
            chart.add(v.name(), boxed(v.cumulative()));
        }
        chart.add(PlanTexts.text("plans.total"), boxed(dashboard.total().cumulative()));
        return chart.json();
    }

    public String getWeeklyChart() {
        if (dashboard == null) {
            return null;
        }
        return new ChartJson("bar", weekLabels(), language.getLocale()).counts()
                .add(PlanTexts.text("plans.dashboard.createdPerWeek"), boxed(dashboard.total().weekly())).json();
    }

    private List<String> weekLabels() {
        return dashboard.weekStarts().stream().map(DAY_MONTH::format).toList();
    }

    private static List<Long> boxed(long[] values) {
        return new ArrayList<>(Arrays.stream(values).boxed().toList());
    }

    public StreamedContent getXlsx() {
        return download("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    public StreamedContent getPdf() {
        return download("pdf", "application/pdf");
    }

    private StreamedContent download(String format, String type) {
        String c = commune;
        String p = reportPeriod;
        java.util.Locale locale = language.getLocale();
        return DefaultStreamedContent.builder().name("tien-do-" + c + "-" + p + "." + format).contentType(type)
                .stream(() -> new ByteArrayInputStream(progressService.report(c, p, format, locale))).build();
    }

    /** Report periods offered: this and last week, this and last month. */
    public List<String> getReportPeriods() {
        java.time.LocalDate today = Period.today();
        return List.of(Period.week(today).key(), Period.week(today.minusWeeks(1)).key(),
                Period.month(today).key(), Period.month(today.minusMonths(1)).key());
    }

    public List<CommuneChoice> getCommunes() {
        return communes;
    }

    public String getCommune() {
        return commune;
    }

    public void setCommune(String commune) {
        this.commune = commune;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public String getReportPeriod() {
        return reportPeriod;
    }

    public void setReportPeriod(String reportPeriod) {
        this.reportPeriod = reportPeriod;
    }

    public CommuneDashboard getDashboard() {
        return dashboard;
    }
}
