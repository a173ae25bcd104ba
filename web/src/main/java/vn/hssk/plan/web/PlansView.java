package vn.hssk.plan.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.primefaces.PrimeFaces;
import vn.hssk.plan.Indicator;
import vn.hssk.plan.Period;
import vn.hssk.plan.PlanService;
import vn.hssk.plan.PlanSheet;
import vn.hssk.plan.TargetDetails;
import vn.hssk.plan.TargetProgress;
import vn.hssk.plan.TargetService;
import vn.hssk.plan.TaskStatus;
import vn.hssk.shared.web.ScreenMessages;
import vn.hssk.tenant.web.SignedInUser;

/**
 * The plans screen: the plans the caller may see, the selected one's legal basis, phases and tasks (overdue tasks
 * stand out, their status changes in place), a form to write or revise a plan, a copy to another year; and the
 * targets with their computed progress, which province administrators add, revise and remove.
 */
@Named
@ViewScoped
public class PlansView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private PlanService planService;

    @Inject
    private TargetService targetService;

    @Inject
    private SignedInUser signedIn;

    private List<PlanSheet> plans;
    private PlanSheet selected;
    private PlanDraft draft = new PlanDraft();
    private int copyYear = Period.today().getYear() + 1;
    private String copyTitle;
    private List<TargetProgress> targets;
    private List<IndicatorChoice> indicators;
    private TargetForm target = new TargetForm();

    /** An indicator offered in the target form. */
    public record IndicatorChoice(long id, String code, String nameVi, String nameEn) implements Serializable {
    }

    /** The target form. */
    public static class TargetForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long id;
        private Integer version;
        private Long indicatorId;
        private String unitCode;
        private LocalDate periodFrom;
        private LocalDate periodTo;
        private BigDecimal baseline;
        private BigDecimal targetValue;
        private String note;

        public Long getId() {
            return id;
        }

        public Long getIndicatorId() {
            return indicatorId;
        }

        public void setIndicatorId(Long indicatorId) {
            this.indicatorId = indicatorId;
        }

        public String getUnitCode() {
            return unitCode;
        }

        public void setUnitCode(String unitCode) {
            this.unitCode = unitCode;
        }

        public LocalDate getPeriodFrom() {
            return periodFrom;
        }

        public void setPeriodFrom(LocalDate periodFrom) {
            this.periodFrom = periodFrom;
        }

        public LocalDate getPeriodTo() {
            return periodTo;
        }

        public void setPeriodTo(LocalDate periodTo) {
            this.periodTo = periodTo;
        }

        public BigDecimal getBaseline() {
            return baseline;
        }

        public void setBaseline(BigDecimal baseline) {
            this.baseline = baseline;
        }

        public BigDecimal getTargetValue() {
            return targetValue;
        }

        public void setTargetValue(BigDecimal targetValue) {
            this.targetValue = targetValue;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }

    public boolean isMayEdit() {
        return signedIn.isProvinceAdmin();
    }

    public List<PlanSheet> getPlans() {
        if (plans == null) {
            plans = planService.plans();
        }
        return plans;
    }

    public void select(PlanSheet plan) {
        selected = planService.get(plan.id());
    }

    public void changeStatus(PlanSheet.TaskLine task, TaskStatus status) {
        try {
            selected = planService.changeTaskStatus(selected.id(), task.id(), status);
            plans = null;
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "plan");
        }
    }

    public void newPlan() {
        draft = new PlanDraft();
        draft.addTask();
    }

    public void editPlan() {
        draft = PlanDraft.of(selected);
    }

    public void savePlan() {
        try {
            selected = draft.isNew() ? planService.create(draft.getUnitCode(), draft.details())
                    : planService.revise(draft.getId(), draft.details(), draft.getVersion());
            plans = null;
            PlanTexts.info("plans.plans.saved");
            PrimeFaces.current().ajax().addCallbackParam("saved", true);
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "planForm");
        }
    }

    public void copy() {
        try {
            selected = planService.copyToYear(selected.id(), copyYear, copyTitle);
            plans = null;
            PlanTexts.info("plans.plans.copied", String.valueOf(copyYear));
            PrimeFaces.current().ajax().addCallbackParam("saved", true);
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "copyForm");
        }
    }

    public List<TargetProgress> getTargets() {
        if (targets == null) {
            targets = targetService.targets(null);
        }
        return targets;
    }

    public List<IndicatorChoice> getIndicators() {
        if (indicators == null) {
            indicators = targetService.indicators().stream().map(PlansView::choice).toList();
        }
        return indicators;
    }

    private static IndicatorChoice choice(Indicator i) {
        return new IndicatorChoice(i.getId(), i.getCode(), i.getNameVi(), i.getNameEn());
    }

    public void newTarget() {
        target = new TargetForm();
    }

    public void editTarget(TargetProgress t) {
        target = new TargetForm();
        target.id = t.id();
        target.version = t.version();
        target.indicatorId = t.indicatorId();
        target.unitCode = t.unitCode();
        target.periodFrom = t.periodFrom();
        target.periodTo = t.periodTo();
        target.baseline = t.baseline();
        target.targetValue = t.targetValue();
        target.note = t.note();
    }

    public void saveTarget() {
        try {
            TargetDetails d = new TargetDetails(target.indicatorId, target.unitCode, null, target.periodFrom,
                    target.periodTo, target.baseline, target.targetValue, target.note);
            if (target.id == null) {
                targetService.create(d);
            } else {
                targetService.revise(target.id, d, target.version);
            }
            targets = null;
            PlanTexts.info("plans.targets.saved");
            PrimeFaces.current().ajax().addCallbackParam("saved", true);
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "targetForm");
        }
    }

    public void deleteTarget(TargetProgress t) {
        try {
            targetService.delete(t.id());
            targets = null;
            PlanTexts.info("plans.targets.deleted");
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "targets");
        }
    }

    public TaskStatus[] getStatuses() {
        return TaskStatus.values();
    }

    public PlanSheet getSelected() {
        return selected;
    }

    public PlanDraft getDraft() {
        return draft;
    }

    public int getCopyYear() {
        return copyYear;
    }

    public void setCopyYear(int copyYear) {
        this.copyYear = copyYear;
    }

    public String getCopyTitle() {
        return copyTitle;
    }

    public void setCopyTitle(String copyTitle) {
        this.copyTitle = copyTitle;
    }

    public TargetForm getTarget() {
        return target;
    }
}
