package vn.hssk.citizen;

import java.io.Serializable;
import java.time.Instant;

/**
 * A feedback item as its reader sees it. The citizen sees their own items (the person they wrote about, the answer);
 * the station also sees the commune and who answered.
 */
public record FeedbackView(long id, String province, long personId, String personName, String commune,
                           String category, String text, boolean photo, String status, Instant sentAt,
                           String answer, Instant answeredAt, String answeredBy, Instant closedAt, int version)
        implements Serializable {

    static FeedbackView of(Feedback f, String province, String personName) {
        return new FeedbackView(f.getId(), province, f.getPersonId(), personName, f.getCommune().getName(),
                f.getCategory().name(), f.getBody(), f.hasPhoto(), f.getStatus().name(), f.getCreatedAt(),
                f.getAnswer(), f.getAnsweredAt(), f.getAnsweredBy(), f.getClosedAt(), f.getVersion());
    }

    /** What the citizen sees: not the username of the staff member who answered. */
    FeedbackView forCitizen() {
        return new FeedbackView(id, province, personId, personName, commune, category, text, photo, status, sentAt,
                answer, answeredAt, null, closedAt, version);
    }
}
