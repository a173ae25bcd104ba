package vn.hssk.plan.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.primefaces.model.file.UploadedFile;
import vn.hssk.plan.Period;
import vn.hssk.plan.ProgressService;
import vn.hssk.plan.QuotaEntry;
import vn.hssk.plan.QuotaGrid;
import vn.hssk.plan.QuotaService;
import vn.hssk.shared.web.ScreenMessages;

/**
 * The village quota screen: one commune and year at a time, an editable grid of population and quota per village
 * with the totals, saved as a whole (a quota above the population needs the confirmation box), imported from a
 * CSV/XLSX table or copied from the year before, and the trail of changes. {@link QuotaService} decides who may.
 */
@Named
@ViewScoped
public class QuotasView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private QuotaService quotaService;

    @Inject
    private ProgressService progressService;

    private List<CommuneChoice> communes;
    private String commune;
    private int year = Period.today().getYear();
    private List<QuotaRow> rows = List.of();
    private boolean confirmAbovePopulation;
    private UploadedFile file;
    private List<HistoryRow> history;

    @PostConstruct
    void init() {
        communes = progressService.communes().stream().map(c -> new CommuneChoice(c.code(), c.name())).toList();
        java.util.Map<String, String> params = jakarta.faces.context.FacesContext.getCurrentInstance()
                .getExternalContext().getRequestParameterMap();
        String requested = params.get("commune");
        if (requested != null && communes.stream().anyMatch(c -> c.code().equals(requested))) {
            commune = requested;
        } else if (!communes.isEmpty()) {
            commune = communes.get(0).code();
        }
        String requestedYear = params.get("year");
        if (requestedYear != null && requestedYear.matches("\\d{4}")) {
            year = Integer.parseInt(requestedYear);
        }
        if (commune != null) {
            load();
        }
    }

    public void load() {
        history = null;
        if (commune == null) {
            rows = List.of();
            return;
        }
        try {
            show(quotaService.grid(commune, year));
        } catch (RuntimeException e) {
            rows = List.of();
            ScreenMessages.failure(e, "quotas");
        }
    }

    private void show(QuotaGrid grid) {
        List<QuotaRow> fresh = new ArrayList<>();
        grid.lines().forEach(l -> fresh.add(new QuotaRow(l)));
        rows = fresh;
        history = null;
    }

    public void save() {
        try {
            List<QuotaEntry> entries = rows.stream().filter(r -> !r.isBlank()).map(QuotaRow::entry).toList();
            show(quotaService.save(commune, year, entries, confirmAbovePopulation));
            confirmAbovePopulation = false;
            PlanTexts.info("plans.quotas.saved");
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "quotas");
        }
    }

    public void copyLastYear() {
        try {
            show(quotaService.copyYear(commune, year - 1, year, false));
            PlanTexts.info("plans.quotas.copied", year - 1);
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "quotas");
        }
    }

    public void upload() {
        if (file == null || file.getSize() == 0) {
            PlanTexts.info("plans.quotas.chooseFile");
            return;
        }
        try {
            boolean xlsx = file.getFileName().toLowerCase(Locale.ROOT).endsWith(".xlsx");
            show(quotaService.importFile(commune, year, file.getContent(), xlsx, confirmAbovePopulation));
            PlanTexts.info("plans.quotas.imported");
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "quotas");
        }
    }

    public int getTotalPopulation() {
        return rows.stream().mapToInt(r -> r.getPopulation() == null ? 0 : r.getPopulation()).sum();
    }

    public int getTotalQuota() {
        return rows.stream().mapToInt(r -> r.getQuota() == null ? 0 : r.getQuota()).sum();
    }

    public List<HistoryRow> getHistory() {
        if (history == null && commune != null) {
            try {
                history = HistoryRow.of(quotaService.history(commune, year));
            } catch (RuntimeException e) {
                history = List.of();
            }
        }
        return history;
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

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public List<QuotaRow> getRows() {
        return rows;
    }

    public boolean isConfirmAbovePopulation() {
        return confirmAbovePopulation;
    }

    public void setConfirmAbovePopulation(boolean confirmAbovePopulation) {
        this.confirmAbovePopulation = confirmAbovePopulation;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }
}
