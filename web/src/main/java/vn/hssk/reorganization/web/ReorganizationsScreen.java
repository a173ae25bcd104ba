package vn.hssk.reorganization.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.primefaces.event.FileUploadEvent;
import vn.hssk.reorganization.Reorganization;
import vn.hssk.reorganization.ReorganizationPreview;
import vn.hssk.reorganization.ReorganizationService;
import vn.hssk.reorganization.UnitCounts.Measure;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.web.ProblemTexts;
import vn.hssk.shared.web.ScreenMessages;

/**
 * The province administrator's reorganizations: a draft from the decision's list of codes, the list with each one's
 * state (polled while a job runs), the preview of one draft commune by commune, apply, undo and resume.
 */
@Named
@ViewScoped
public class ReorganizationsScreen implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ReorganizationService reorganizations;

    private String title;
    private LocalDate effectiveDate;
    private byte[] file;
    private String fileName;
    private List<Reorganization> list;
    private ReorganizationPreview preview;

    public void upload(FileUploadEvent event) {
        file = event.getFile().getContent();
        fileName = event.getFile().getFileName();
        info("reorg.fileReady", fileName);
    }

    public void create() {
        try {
            if (file == null) {
                info("reorg.field.file");
                return;
            }
            Reorganization r = reorganizations.createFromDecision(title, effectiveDate, file, fileName);
            info("reorg.created", r.getId(), r.steps().size());
            file = null;
            fileName = null;
            list = null;
            preview = reorganizations.preview(r.getId());
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "create");
        }
    }

    public void showPreview(Reorganization r) {
        try {
            preview = reorganizations.preview(r.getId());
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
        }
    }

    public void apply(Reorganization r) {
        try {
            reorganizations.apply(r.getId());
            info("reorg.applyStarted", r.getId());
            preview = null;
            list = null;
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
        }
    }

    public void undo(Reorganization r) {
        try {
            reorganizations.undo(r.getId());
            info("reorg.undoStarted", r.getId());
            list = null;
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
        }
    }

    public void resume(Reorganization r) {
        try {
            reorganizations.resume(r.getId());
            list = null;
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
        }
    }

    /** Reads the list again (the poll while a job runs). */
    public void refresh() {
        list = null;
    }

    public boolean isWatching() {
        return getList().stream().anyMatch(Reorganization::inProgress);
    }

    public List<Reorganization> getList() {
        if (list == null) {
            try {
                list = reorganizations.list();
            } catch (RuntimeException e) {
                list = List.of();
                ScreenMessages.failure(e, null);
            }
        }
        return list;
    }

    public ReorganizationPreview getPreview() {
        return preview;
    }

    public List<Measure> getMeasures() {
        return List.of(Measure.values());
    }

    public long count(Map<Measure, Long> counts, Measure m) {
        Long n = counts == null ? null : counts.get(m);
        return n == null ? 0 : n;
    }

    public String say(FieldError e) {
        return ProblemTexts.message(e, language());
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    public void setEffectiveDate(LocalDate effectiveDate) {
        this.effectiveDate = effectiveDate;
    }

    public String getFileName() {
        return fileName;
    }

    public long getMaxBytes() {
        return vn.hssk.reorganization.DecisionFile.MAX_BYTES;
    }

    private static Locale language() {
        return ProblemTexts.supported(FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    private static void info(String key, Object... args) {
        FacesContext context = FacesContext.getCurrentInstance();
        ResourceBundle bundle = context.getApplication().getResourceBundle(context, "reorgMsg");
        String pattern = bundle != null && bundle.containsKey(key) ? bundle.getString(key) : key;
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                new MessageFormat(pattern, context.getViewRoot().getLocale()).format(args), null));
    }
}
