package vn.hssk.tenant.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import vn.hssk.shared.web.ScreenMessages;
import vn.hssk.tenant.TenantMerge;
import vn.hssk.tenant.TenantMergeReport;
import vn.hssk.tenant.TenantMergeService;
import vn.hssk.tenant.TenantService;
import vn.hssk.tenant.TenantStatus;
import vn.hssk.tenant.TenantSummary;

/**
 * The national administrators' merge of one province into another, on the provinces screen: choose both, try a dry
 * run, merge after confirming (the merge button needs the dry run of the same pair, kept for the view), and watch the
 * latest merges, polled while one runs.
 */
@Named
@ViewScoped
public class MergeScreen implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private TenantMergeService merges;

    @Inject
    private TenantService tenants;

    private String absorbed;
    private String into;
    private TenantMergeReport report;
    private transient List<TenantMerge> recent;
    private transient List<TenantSummary> active;

    /** The provinces that may take part in a merge. */
    public List<TenantSummary> getActiveTenants() {
        if (active == null) {
            active = tenants.list().stream().filter(t -> t.status() == TenantStatus.ACTIVE).toList();
        }
        return active;
    }

    /** What merging the chosen province into the other would do, changing nothing. */
    public void dryRun() {
        try {
            report = merges.dryRun(absorbed, into);
        } catch (RuntimeException e) {
            report = null;
            ScreenMessages.failure(e, "merge");
        }
    }

    /** Merges the pair the dry run was about (a changed choice needs its own dry run first). */
    public void start() {
        if (report == null || !report.absorbed().equals(absorbed) || !report.into().equals(into)) {
            report = null;
            ScreenMessages.info("merge.dryRunFirst");
            return;
        }
        try {
            TenantMerge started = merges.merge(absorbed, into);
            report = null;
            recent = null;
            active = null;
            ScreenMessages.info("merge.started", started.id(), started.absorbed(), started.into());
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "merge");
        }
    }

    public void resume() {
        var parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        try {
            merges.resume(parameters.get("tenant"), Long.parseLong(parameters.get("merge")));
            recent = null;
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
        }
    }

    /** The platform's latest merges, read again on every request (the poll's too). */
    public List<TenantMerge> getMerges() {
        if (recent == null) {
            recent = merges.recent();
        }
        return recent;
    }

    /** Whether a merge is queued or running: the list is polled only then. */
    public boolean isAnyOpen() {
        return getMerges().stream().anyMatch(m -> TenantMerge.QUEUED.equals(m.state())
                || TenantMerge.RUNNING.equals(m.state()));
    }

    /** Called by the poll: forget the list so that it is read again. */
    public void refresh() {
        recent = null;
    }

    public TenantMergeReport getReport() {
        return report;
    }

    public String getAbsorbed() {
        return absorbed;
    }

    public void setAbsorbed(String absorbed) {
        this.absorbed = absorbed;
    }

    public String getInto() {
        return into;
    }

    public void setInto(String into) {
        this.into = into;
    }
}
