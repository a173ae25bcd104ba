package vn.hssk.consult.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.model.file.UploadedFile;
import vn.hssk.consult.ConsultationRequest;
import vn.hssk.consult.ConsultationService;
import vn.hssk.consult.ConsultationView;
import vn.hssk.consult.HospitalService;
import vn.hssk.consult.RecordPart;
import vn.hssk.consult.rest.HospitalView;
import vn.hssk.shared.web.ScreenMessages;

/**
 * The station's tele-consultation screen: opened from a person's record ({@code ?person=}), it sends a request about
 * that person (hospital, parts of the record to share, question, an optional image or PDF); it lists the requests of
 * the station's communes (or of that person) with their status and the hospital's answer, and cancels an unanswered
 * one.
 */
@Named
@ViewScoped
public class RequestsScreen implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int PAGE = 200;

    @Inject
    private ConsultationService consultations;

    @Inject
    private HospitalService hospitalService;

    private Long person;
    private Long hospitalId;
    private List<String> parts = new ArrayList<>(List.of(RecordPart.A.name()));
    private String question;
    private transient UploadedFile file;
    private List<ConsultationView> items;
    private List<HospitalView> hospitals;

    public List<ConsultationView> getItems() {
        if (items == null) {
            try {
                items = consultations.list(null, person, 0, PAGE);
            } catch (RuntimeException e) {
                items = List.of();
                ScreenMessages.failure(e, null);
            }
        }
        return items;
    }

    public List<HospitalView> getHospitals() {
        if (hospitals == null) {
            try {
                hospitals = hospitalService.list(false).stream().map(HospitalView::of).toList();
            } catch (RuntimeException e) {
                hospitals = List.of();
                ScreenMessages.failure(e, null);
            }
        }
        return hospitals;
    }

    public List<String> getPartChoices() {
        return java.util.Arrays.stream(RecordPart.values()).map(Enum::name).toList();
    }

    public void send() {
        if (person == null) {
            return;
        }
        try {
            byte[] bytes = file == null || file.getSize() == 0 ? null : file.getContent();
            consultations.send(new ConsultationRequest(person, hospitalId, question, parts, bytes,
                    file == null ? null : file.getFileName()));
            ConsultTexts.info("consult.sent");
            question = null;
            file = null;
            items = null;
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "send");
        }
    }

    public void cancel(ConsultationView item) {
        try {
            consultations.cancel(item.id(), item.version());
            ConsultTexts.info("consult.cancelled");
            items = null;
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
        }
    }

    public Long getPerson() {
        return person;
    }

    public void setPerson(Long person) {
        this.person = person;
    }

    public Long getHospitalId() {
        return hospitalId;
    }

    public void setHospitalId(Long hospitalId) {
        this.hospitalId = hospitalId;
    }

    public List<String> getParts() {
        return parts;
    }

    public void setParts(List<String> parts) {
        this.parts = parts;
    }

    public String getQuestion() {
        return question;
    }

    public void setQuestion(String question) {
        this.question = question;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }
}
