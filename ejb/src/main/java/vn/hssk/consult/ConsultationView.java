package vn.hssk.consult;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import vn.hssk.export.SectionContent;

/**
 * A request as its two sides see it. The station sees the person's name; the hospital sees the person only through
 * the shared parts ({@code sections}, filled when one request is opened, in lists null), so {@code personName} is
 * null for a doctor unless part A was shared.
 */
public record ConsultationView(long id, long personId, String personName, long hospitalId, String hospitalCode,
                               String hospitalName, String question, List<String> sharedParts,
                               boolean hasAttachment, String attachmentType, String attachmentName,
                               String status, Instant createdAt, String createdBy, String answer,
                               Instant answeredAt, String answeredBy, Long visitId, int version,
                               List<SectionContent> sections) implements Serializable {

    static ConsultationView of(Consultation c, String personName, List<SectionContent> sections) {
        return new ConsultationView(c.getId(), c.getPersonId(), personName, c.getHospital().getId(),
                c.getHospital().getFacilityCode(), c.getHospital().getName(), c.getQuestion(),
                c.getSharedParts().stream().map(Enum::name).toList(), c.hasAttachment(), c.getAttachmentType(),
                c.getAttachmentName(), c.getStatus().name(), c.getCreatedAt(), c.getCreatedBy(), c.getAnswer(),
                c.getAnsweredAt(), c.getAnsweredBy(), c.getVisitId(), c.getVersion(), sections);
    }

    public boolean isOpen() {
        return ConsultationStatus.SENT.name().equals(status);
    }
}
