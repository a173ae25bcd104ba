package vn.hssk.shared.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Shows dates the way Vietnamese forms write them ({@code dd/MM/yyyy}), and instants in Vietnam's time zone whatever
 * the server's zone is. Faces 4.0's date converter knows no {@link Instant}, hence this bean.
 */
@Named
@ApplicationScoped
public class Dates {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    public String date(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    public String dayOf(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(VIETNAM));
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant.atZone(VIETNAM));
    }
}
