package vn.hssk.citizen.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;
import vn.hssk.citizen.AccessEntry;
import vn.hssk.citizen.CitizenPlace;
import vn.hssk.citizen.CitizenPortal;
import vn.hssk.citizen.FeedbackCategory;
import vn.hssk.citizen.FeedbackRequest;
import vn.hssk.citizen.FeedbackView;
import vn.hssk.immunization.IssuedCertificate;
import vn.hssk.shared.web.Language;
import vn.hssk.shared.web.ScreenMessages;

/**
 * The citizen's page: their records in each province that holds them, their household's children, a certificate to
 * download, and the access history of each record on demand. Everything comes from {@link CitizenPortal}, which
 * takes the personal ID from the login's token.
 */
@Named
@ViewScoped
public class CitizenView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CitizenPortal portal;

    @Inject
    private Language language;

    private List<CitizenPlace> places;
    private boolean refused;
    private final Map<String, List<AccessEntry>> histories = new HashMap<>();
    private List<FeedbackView> sent;
    private String about;
    private String category = FeedbackCategory.SUGGESTION.name();
    private String text;
    private transient UploadedFile photo;

    public List<CitizenPlace> getPlaces() {
        if (places == null && !refused) {
            try {
                places = portal.places();
            } catch (RuntimeException e) {
                // Not a citizen's login, or one without a vouched personal ID: the page says whom it is for.
                refused = true;
                places = List.of();
            }
        }
        return places;
    }

    public boolean isRefused() {
        getPlaces();
        return refused;
    }

    /** Issues a certificate of the doses of the citizen's or a child's record, as a PDF download. */
    public StreamedContent certificate(String province, long personId) {
        try {
            IssuedCertificate issued = portal.certificate(province, personId, language.getLocale());
            byte[] pdf = issued.pdf();
            return DefaultStreamedContent.builder().name("chung-nhan-tiem-chung-" + issued.number() + ".pdf")
                    .contentType("application/pdf").stream(() -> new ByteArrayInputStream(pdf)).build();
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
            return null;
        }
    }

    /** Loads the access history of one record, shown under it. */
    public void showHistory(String province, long personId) {
        try {
            histories.put(key(province, personId), portal.accessHistory(province, personId));
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
        }
    }

    public List<AccessEntry> history(String province, long personId) {
        return histories.get(key(province, personId));
    }

    /** Whom feedback can be about: "province/personId" to the record's name, the citizen first, then the children. */
    public Map<String, String> getFeedbackTargets() {
        Map<String, String> targets = new LinkedHashMap<>();
        for (CitizenPlace place : getPlaces()) {
            String where = getPlaces().size() > 1 ? " (" + place.provinceName() + ")" : "";
            targets.put(place.province() + "/" + place.self().personId(), place.self().fullName() + where);
            place.children().forEach(c -> targets.put(place.province() + "/" + c.personId(), c.fullName() + where));
        }
        return targets;
    }

    public List<String> getCategories() {
        return Arrays.stream(FeedbackCategory.values()).map(Enum::name).toList();
    }

    /** Sends the feedback to the station of the chosen record's commune. */
    public void sendFeedback() {
        try {
            String target = about == null ? "" : about;
            int slash = target.indexOf('/');
            if (slash < 1) {
                throw vn.hssk.shared.ProblemException.invalid("about", "Choose whom the feedback is about");
            }
            byte[] bytes = photo == null || photo.getSize() == 0 ? null : photo.getContent();
            portal.sendFeedback(target.substring(0, slash), Long.parseLong(target.substring(slash + 1)),
                    new FeedbackRequest(category, text, bytes));
            text = null;
            photo = null;
            sent = null;
            FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    text("citizen.feedback.sent", "Sent"), null));
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "feedback");
        }
    }

    /** What the citizen sent, with the answers, newest first. */
    public List<FeedbackView> getSent() {
        if (sent == null) {
            try {
                sent = isRefused() ? List.of() : portal.feedback();
            } catch (RuntimeException e) {
                sent = List.of();
            }
        }
        return sent;
    }

    /** The roles of an access history line in words ("station staff, ..."); a role without words keeps its name. */
    public String roleText(String roles) {
        if (roles == null || roles.isBlank()) {
            return text("citizen.role.none", "");
        }
        StringBuilder words = new StringBuilder();
        for (String role : roles.split(",")) {
            if (!words.isEmpty()) {
                words.append(", ");
            }
            words.append(text("citizen.role." + role.strip(), role.strip()));
        }
        return words.toString();
    }

    /** "read" or "changed" in words. */
    public String actionText(String action) {
        return text("citizen.action." + action, action);
    }

    private static String text(String key, String otherwise) {
        FacesContext context = FacesContext.getCurrentInstance();
        ResourceBundle bundle = context.getApplication().getResourceBundle(context, "citizenMsg");
        return bundle != null && bundle.containsKey(key) ? bundle.getString(key) : otherwise;
    }

    public String getAbout() {
        return about;
    }

    public void setAbout(String about) {
        this.about = about;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public UploadedFile getPhoto() {
        return photo;
    }

    public void setPhoto(UploadedFile photo) {
        this.photo = photo;
    }

    private static String key(String province, long personId) {
        return province + "/" + personId;
    }
}
