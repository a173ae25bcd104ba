package vn.hssk.citizen.web;

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
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;
import vn.hssk.citizen.AccessEntry;
import vn.hssk.citizen.ChangeRequestView;
import vn.hssk.citizen.CitizenPlace;
import vn.hssk.citizen.CitizenPortal;
import vn.hssk.citizen.FeedbackCategory;
import vn.hssk.citizen.FeedbackRequest;
import vn.hssk.citizen.FeedbackView;
import vn.hssk.immunization.IssuedCertificate;
import vn.hssk.immunization.SessionBookings;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.web.Language;
import vn.hssk.shared.web.ScreenMessages;

/**
 * The citizen's page: their records in each province that holds them and their household's children, and for each
 * record a certificate to download, the access history and the open vaccination sessions on demand; a form to send
 * feedback and one to ask for a new phone number or address, each with what was sent and the station's answers.
 * Everything comes from {@link CitizenPortal}, which takes the personal ID from the login's token.
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
    private List<ChangeRequestView> requests;
    private final Map<String, List<SessionBookings.OpenSession>> sessions = new HashMap<>();
    private String changeAbout;
    private String newPhone;
    private String newAddress;

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

    /** Loads the sessions the record's person may book a place in, shown under the record. */
    public void showSessions(String province, long personId) {
        try {
            sessions.put(key(province, personId), portal.sessions(province, personId));
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
        }
    }

    public List<SessionBookings.OpenSession> sessions(String province, long personId) {
        return sessions.get(key(province, personId));
    }

    /** Books a place for the record's person in a session, then shows the sessions again. */
    public void book(String province, long personId, long sessionId) {
        try {
            portal.book(province, personId, sessionId);
            CitizenTexts.info("citizen.sessions.booked");
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
        }
        showSessions(province, personId);
    }

    /** Gives a booked place back, then shows the sessions again. */
    public void cancelBooking(String province, long personId, long sessionId) {
        try {
            portal.cancelBooking(province, personId, sessionId);
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
        }
        showSessions(province, personId);
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
            Choice target = Choice.of(about, "about");
            byte[] bytes = photo == null || photo.getSize() == 0 ? null : photo.getContent();
            portal.sendFeedback(target.province(), target.personId(), new FeedbackRequest(category, text, bytes));
            text = null;
            photo = null;
            sent = null;
            CitizenTexts.info("citizen.feedback.sent");
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "feedback");
        }
    }

    /** Asks the station to correct the phone number and/or the address of the chosen record. */
    public void requestChange() {
        try {
            Choice target = Choice.of(changeAbout, "changeAbout");
            portal.requestChange(target.province(), target.personId(), newPhone, newAddress);
            newPhone = null;
            newAddress = null;
            requests = null;
            CitizenTexts.info("citizen.change.sent");
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "change");
        }
    }

    /** The citizen's change requests, with the stations' decisions, newest first. */
    public List<ChangeRequestView> getRequests() {
        if (requests == null) {
            try {
                requests = isRefused() ? List.of() : portal.changeRequests();
            } catch (RuntimeException e) {
                requests = List.of();
            }
        }
        return requests;
    }

    /** A record chosen in a form, as "province/personId" (see {@link #getFeedbackTargets()}). */
    private record Choice(String province, long personId) {

        /** The choice, or 400 naming {@code field} when there is none. */
        static Choice of(String value, String field) {
            int slash = value == null ? -1 : value.indexOf('/');
            if (slash < 1) {
                throw ProblemException.invalid(ProblemException.FieldError.coded(field, "citizen.chooseRecord",
                        "Choose whose record this is about"));
            }
            return new Choice(value.substring(0, slash), Long.parseLong(value.substring(slash + 1)));
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
            return CitizenTexts.text("citizen.role.none", "");
        }
        StringBuilder words = new StringBuilder();
        for (String role : roles.split(",")) {
            if (!words.isEmpty()) {
                words.append(", ");
            }
            words.append(CitizenTexts.text("citizen.role." + role.strip(), role.strip()));
        }
        return words.toString();
    }

    /** "read" or "changed" in words. */
    public String actionText(String action) {
        return CitizenTexts.text("citizen.action." + action, action);
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

    public String getChangeAbout() {
        return changeAbout;
    }

    public void setChangeAbout(String changeAbout) {
        this.changeAbout = changeAbout;
    }

    public String getNewPhone() {
        return newPhone;
    }

    public void setNewPhone(String newPhone) {
        this.newPhone = newPhone;
    }

    public String getNewAddress() {
        return newAddress;
    }

    public void setNewAddress(String newAddress) {
        this.newAddress = newAddress;
    }

    private static String key(String province, long personId) {
        return province + "/" + personId;
    }
}
