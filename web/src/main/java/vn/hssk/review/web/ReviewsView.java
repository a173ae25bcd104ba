package vn.hssk.review.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.List;
import org.primefaces.PrimeFaces;
import vn.hssk.review.PersonalIdReviewService;
import vn.hssk.review.ReviewCase;
import vn.hssk.review.ReviewStatus;
import vn.hssk.shared.web.ScreenMessages;

/**
 * The province's personal-ID review screen: the open cases (or the closed ones, or all), newest attempt first, each
 * with what was entered and the record it concerns; a case is closed as resolved or rejected with a note. Every
 * record shown is audited as read by the service.
 */
@Named
@ViewScoped
public class ReviewsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_ROWS = 200;
    private static final String BUNDLE = "reviewMsg";

    @Inject
    private PersonalIdReviewService reviews;

    private String show = ReviewStatus.OPEN.name();
    private List<ReviewCase> cases;
    private long total;
    private Long resolvingId;
    private ReviewStatus outcome = ReviewStatus.RESOLVED;
    private String note;

    public List<ReviewCase> getCases() {
        if (cases == null) {
            load();
        }
        return cases;
    }

    public void load() {
        try {
            ReviewStatus status = "ALL".equals(show) ? null : ReviewStatus.valueOf(show);
            cases = reviews.list(status, 0, MAX_ROWS);
            total = reviews.count(status);
        } catch (RuntimeException e) {
            cases = List.of();
            ScreenMessages.failure(e, null);
        }
    }

    public void startResolving(long id) {
        resolvingId = id;
        outcome = ReviewStatus.RESOLVED;
        note = null;
    }

    public void resolve() {
        try {
            reviews.resolve(resolvingId, outcome, note);
            FacesContext context = FacesContext.getCurrentInstance();
            String pattern = context.getApplication().getResourceBundle(context, BUNDLE).getString("reviews.resolved");
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    new MessageFormat(pattern, context.getViewRoot().getLocale()).format(new Object[] {resolvingId}),
                    null));
            PrimeFaces.current().ajax().addCallbackParam("saved", true);
            resolvingId = null;
            cases = null;
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "resolution");
        }
    }

    public List<String> getShowOptions() {
        return List.of("OPEN", "RESOLVED", "REJECTED", "ALL");
    }

    public ReviewStatus[] getOutcomes() {
        return new ReviewStatus[] {ReviewStatus.RESOLVED, ReviewStatus.REJECTED};
    }

    public long getTotal() {
        getCases();
        return total;
    }

    public String getShow() {
        return show;
    }

    public void setShow(String show) {
        this.show = show;
    }

    public Long getResolvingId() {
        return resolvingId;
    }

    public ReviewStatus getOutcome() {
        return outcome;
    }

    public void setOutcome(ReviewStatus outcome) {
        this.outcome = outcome;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
