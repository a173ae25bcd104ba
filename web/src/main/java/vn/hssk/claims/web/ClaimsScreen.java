package vn.hssk.claims.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.primefaces.event.FileUploadEvent;
import vn.hssk.claims.ClaimEnvelope;
import vn.hssk.claims.ClaimIntakeService;
import vn.hssk.claims.ClaimLimits;
import vn.hssk.claims.ClaimReviewService;
import vn.hssk.claims.rest.EnvelopeView;
import vn.hssk.claims.rest.ReviewView;
import vn.hssk.shared.web.ProblemTexts;
import vn.hssk.shared.web.ScreenMessages;

/**
 * The claim screen of province administrators and station staff: upload one envelope (an XML file) and read its
 * report line by line; the caller's recent envelopes ({@code ?envelope=id} opens one); the claims waiting in the
 * caller's review lists, each linked to a person by the record's id or dismissed with a reason.
 */
@Named
@ViewScoped
public class ClaimsScreen implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @Inject
    private ClaimIntakeService intake;

    @Inject
    private ClaimReviewService reviews;

    private EnvelopeView report;
    private List<EnvelopeView> envelopes;
    private List<ReviewView> waiting;
    private final Map<Long, String> personFor = new HashMap<>();
    private final Map<Long, String> reasonFor = new HashMap<>();

    @PostConstruct
    void openAsked() {
        String asked = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                .get("envelope");
        if (asked != null && asked.matches("\\d{1,18}")) {
            try {
                report = EnvelopeView.of(reviews.envelope(Long.parseLong(asked)), language());
            } catch (RuntimeException e) {
                ScreenMessages.failure(e, null);
            }
        }
    }

    public void upload(FileUploadEvent event) {
        try {
            byte[] bytes = event.getFile().getContent();
            if (bytes.length > ClaimLimits.maxBytes()) {
                throw ClaimLimits.tooLarge();
            }
            ClaimEnvelope e = intake.intake(bytes, event.getFile().getFileName());
            report = EnvelopeView.of(e, language());
            envelopes = null;
            waiting = null;
            info("claims.uploaded", report.claims(), report.linked(), report.waiting(), report.duplicates(),
                    report.refused());
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
        }
    }

    public void open(EnvelopeView e) {
        report = e;
    }

    public EnvelopeView getReport() {
        return report;
    }

    public List<EnvelopeView> getEnvelopes() {
        if (envelopes == null) {
            try {
                envelopes = reviews.envelopes(0, 20).stream().map(e -> EnvelopeView.of(e, language())).toList();
            } catch (RuntimeException e) {
                envelopes = List.of();
                ScreenMessages.failure(e, null);
            }
        }
        return envelopes;
    }

    public List<ReviewView> getWaiting() {
        if (waiting == null) {
            try {
                waiting = reviews.waiting(0, 100).stream().map(i -> ReviewView.of(i, false)).toList();
            } catch (RuntimeException e) {
                waiting = List.of();
                ScreenMessages.failure(e, null);
            }
        }
        return waiting;
    }

    public void link(ReviewView row) {
        String typed = personFor.get(row.id());
        Long person = typed != null && typed.strip().matches("\\d{1,18}") ? Long.valueOf(typed.strip()) : null;
        if (person == null && row.candidate() != null) {
            person = row.candidate().personId();
        }
        try {
            if (person == null) {
                info("claims.personNeeded");
                return;
            }
            reviews.link(row.id(), person);
            info("claims.linked", row.claimKey());
            waiting = null;
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
        }
    }

    public void dismiss(ReviewView row) {
        try {
            reviews.dismiss(row.id(), reasonFor.get(row.id()));
            info("claims.dismissed", row.claimKey());
            waiting = null;
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
        }
    }

    public String time(LocalDateTime t) {
        return t == null ? "" : MINUTE.format(t);
    }

    public long getMaxBytes() {
        return ClaimLimits.maxBytes();
    }

    public Map<Long, String> getPersonFor() {
        return personFor;
    }

    public Map<Long, String> getReasonFor() {
        return reasonFor;
    }

    private static Locale language() {
        return ProblemTexts.supported(FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    private static void info(String key, Object... args) {
        FacesContext context = FacesContext.getCurrentInstance();
        ResourceBundle bundle = context.getApplication().getResourceBundle(context, "claimMsg");
        String pattern = bundle != null && bundle.containsKey(key) ? bundle.getString(key) : key;
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                new MessageFormat(pattern, context.getViewRoot().getLocale()).format(args), null));
    }
}
