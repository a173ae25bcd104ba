package vn.hssk.citizen.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.hssk.citizen.ChangeRequest;
import vn.hssk.citizen.ChangeRequestView;
import vn.hssk.citizen.ChangeRequests;
import vn.hssk.citizen.FeedbackService;
import vn.hssk.citizen.FeedbackStatus;
import vn.hssk.citizen.FeedbackView;
import vn.hssk.record.EntrySource;
import vn.hssk.shared.Roles;
import vn.hssk.shared.web.ScreenMessages;
import vn.hssk.tenant.web.SignedInUser;

/**
 * The station's and the province's screen of what citizens send: feedback of the caller's communes (open items by
 * default) with an answer box and a close button for station staff, counts with response times per commune for
 * commune chairs and province administrators, and the pending requests to correct a phone number or an address,
 * which station staff approve or reject with a reason.
 */
@Named
@ViewScoped
public class FeedbackScreen implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int PAGE = 200;

    @Inject
    private FeedbackService feedback;

    @Inject
    private ChangeRequests changes;

    @Inject
    private SignedInUser signedIn;

    private String status = FeedbackStatus.OPEN.name();
    private List<FeedbackView> items;
    private List<FeedbackService.CommuneSummary> summary;
    private final Map<Long, String> drafts = new HashMap<>();
    private final Map<Long, String> reasons = new HashMap<>();
    private List<ChangeRequestView> requests;

    public List<FeedbackView> getItems() {
        if (items == null) {
            try {
                items = feedback.list(status == null || status.isBlank() ? null : FeedbackStatus.valueOf(status), 0,
                        PAGE);
            } catch (RuntimeException e) {
                items = List.of();
                ScreenMessages.failure(e, null);
            }
        }
        return items;
    }

    public List<FeedbackService.CommuneSummary> getSummary() {
        if (summary == null) {
            summary = isMaySeeSummary() ? feedback.summary() : List.of();
        }
        return summary;
    }

    /** The pending change requests of the caller's communes, then the decided ones, newest first. */
    public List<ChangeRequestView> getRequests() {
        if (requests == null) {
            try {
                requests = changes.list(ChangeRequest.Status.PENDING, 0, PAGE);
            } catch (RuntimeException e) {
                requests = List.of();
                ScreenMessages.failure(e, null);
            }
        }
        return requests;
    }

    public void approve(ChangeRequestView request) {
        try {
            changes.approve(request.id(), request.version(), EntrySource.SCREEN);
            CitizenTexts.info("requests.approved");
            refresh();
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
        }
    }

    public void reject(ChangeRequestView request) {
        try {
            changes.reject(request.id(), reasons.get(request.id()), request.version());
            reasons.remove(request.id());
            CitizenTexts.info("requests.rejected");
            refresh();
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
        }
    }

    public void refresh() {
        items = null;
        summary = null;
        requests = null;
    }

    public void answer(FeedbackView item) {
        try {
            feedback.answer(item.id(), drafts.get(item.id()), item.version());
            drafts.remove(item.id());
            CitizenTexts.info("feedback.answered");
            refresh();
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
        }
    }

    public void close(FeedbackView item) {
        try {
            feedback.close(item.id(), item.version());
            CitizenTexts.info("feedback.closed");
            refresh();
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
        }
    }

    public boolean isMayAnswer() {
        return signedIn.me().roles().contains(Roles.STATION_STAFF);
    }

    public boolean isMaySeeSummary() {
        return signedIn.me().roles().contains(Roles.PROVINCE_ADMIN)
                || signedIn.me().roles().contains(Roles.COMMUNE_CHAIR);
    }

    public List<String> getStatuses() {
        return java.util.Arrays.stream(FeedbackStatus.values()).map(Enum::name).toList();
    }

    public Map<Long, String> getReasons() {
        return reasons;
    }

    public Map<Long, String> getDrafts() {
        return drafts;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
