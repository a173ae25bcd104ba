package vn.hssk.plan.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import vn.hssk.plan.Period;
import vn.hssk.plan.ProgressService;
import vn.hssk.plan.UnitProgress;
import vn.hssk.shared.web.Language;
import vn.hssk.shared.web.ScreenMessages;

/**
 * The province overview: communes ranked by the share of their quotas reached, laggards first, with a chart, and a
 * drill-down to the villages of the selected commune.
 */
@Named
@ViewScoped
public class OverviewView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ProgressService progressService;

    @Inject
    private Language language;

    private String period = String.valueOf(Period.today().getYear());
    private UnitProgress overview;
    private UnitProgress selected;

    @PostConstruct
    void init() {
        load();
    }

    public void load() {
        selected = null;
        try {
            overview = progressService.overview(period);
        } catch (RuntimeException e) {
            overview = null;
            ScreenMessages.failure(e, "overview");
        }
    }

    public void drill(UnitProgress commune) {
        try {
            selected = progressService.unit(commune.code(), period);
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "overview");
        }
    }

    public String getChart() {
        if (overview == null || overview.children().isEmpty()) {
            return null;
        }
        // Scaled to the target: the axis runs from 0 to 100 % of each commune's quota, whatever the best commune
        // reached, so a bar's length says how far the commune is from its target; beyond it the bar stays full.
        List<UnitProgress> communes = overview.children();
        return new ChartJson("bar", communes.stream().map(UnitProgress::name).toList(), language.getLocale())
                .horizontal().max(100).valueTitle("%")
                .add(PlanTexts.text("plans.percent"), communes.stream()
                        .map(c -> c.percent() == null ? 0.0 : Math.min(100.0, c.percent())).toList()).json();
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public UnitProgress getOverview() {
        return overview;
    }

    public UnitProgress getSelected() {
        return selected;
    }
}
