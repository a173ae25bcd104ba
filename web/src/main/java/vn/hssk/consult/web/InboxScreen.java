package vn.hssk.consult.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import vn.hssk.consult.ConsultationService;
import vn.hssk.consult.ConsultationStatus;
import vn.hssk.consult.ConsultationView;
import vn.hssk.shared.web.ScreenMessages;

/**
 * The hospital doctor's inbox: the requests sent to their hospital (waiting ones first by default), one opened with
 * the question, the parts of the record the station shared and the attachment, and the answer box. The answer goes
 * back to the station and into part D of the person's record.
 */
@Named
@ViewScoped
public class InboxScreen implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int PAGE = 200;

    @Inject
    private ConsultationService consultations;

    private String status = ConsultationStatus.SENT.name();
    private List<ConsultationView> items;
    private ConsultationView opened;
    private String answer;

    public List<ConsultationView> getItems() {
        if (items == null) {
            try {
                items = consultations.list(status == null || status.isBlank() ? null
                        : ConsultationStatus.valueOf(status), null, 0, PAGE);
            } catch (RuntimeException e) {
                items = List.of();
                ScreenMessages.failure(e, null);
            }
        }
        return items;
    }

    public void open(ConsultationView item) {
        try {
            opened = consultations.get(item.id());
            answer = null;
        } catch (RuntimeException e) {
            opened = null;
            ScreenMessages.failure(e, null);
        }
    }

    public void answer() {
        if (opened == null) {
            return;
        }
        try {
            consultations.answer(opened.id(), answer, opened.version());
            ConsultTexts.info("consult.answered");
            opened = consultations.get(opened.id());
            answer = null;
            items = null;
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "answer");
        }
    }

    public void refresh() {
        items = null;
    }

    public List<String> getStatuses() {
        return java.util.Arrays.stream(ConsultationStatus.values()).map(Enum::name).toList();
    }

    public ConsultationView getOpened() {
        return opened;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getAnswer() {
        return answer;
    }

    public void setAnswer(String answer) {
        this.answer = answer;
    }
}
