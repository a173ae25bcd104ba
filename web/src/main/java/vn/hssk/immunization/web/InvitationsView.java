package vn.hssk.immunization.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hssk.immunization.DueList;
import vn.hssk.immunization.DueListService;
import vn.hssk.immunization.SessionService;
import vn.hssk.immunization.VaccinationSession;
import vn.hssk.shared.web.Dates;

/**
 * The printable invitation list: of a village for a month ({@code ?village=id&month=yyyy-MM}), or of a planned
 * session ({@code ?session=id}: its village or whole commune, its month, only the vaccines planned). One block per
 * child with the doses due, overdue or upcoming.
 */
@Named
@RequestScoped
public class InvitationsView {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    @Inject
    private DueListService dueLists;

    @Inject
    private SessionService sessions;

    private Long village;
    private Long session;
    private String month;
    private VaccinationSession planned;
    private Map<Long, List<DueRow>> byChild;

    public Map<Long, List<DueRow>> getByChild() {
        if (byChild == null) {
            byChild = new LinkedHashMap<>();
            List<DueList.Entry> entries = List.of();
            if (session != null) {
                planned = sessions.session(session);
                entries = sessions.invitations(session);
            } else if (village != null) {
                entries = dueLists.dueList(village, parsedMonth(), Set.of());
            }
            entries.stream().map(DueRow::of)
                    .forEach(r -> byChild.computeIfAbsent(r.personId(), k -> new java.util.ArrayList<>()).add(r));
        }
        return byChild;
    }

    public List<List<DueRow>> getChildren() {
        return List.copyOf(getByChild().values());
    }

    /** The session's village (or commune), else the village of the children listed. */
    public String getVillageName() {
        getByChild();
        if (planned != null) {
            return planned.getVillage() != null ? planned.getVillage().getName()
                    : planned.getStation().getCommune().getName();
        }
        return byChild.values().stream().findFirst().map(l -> l.get(0).villageName()).orElse("");
    }

    /** The session planned, when the list is a session's. */
    public VaccinationSession getPlanned() {
        getByChild();
        return planned;
    }

    /** The month as forms write it, MM/yyyy. */
    public String getMonthLabel() {
        getByChild();
        YearMonth m = planned != null ? YearMonth.from(planned.getSessionDate()) : parsedMonth();
        return MONTH.format(m == null ? YearMonth.now(Dates.VIETNAM) : m);
    }

    private YearMonth parsedMonth() {
        try {
            return month == null || month.isBlank() ? null : YearMonth.parse(month.strip());
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    public Long getVillage() {
        return village;
    }

    public void setVillage(Long village) {
        this.village = village;
    }

    public Long getSession() {
        return session;
    }

    public void setSession(Long session) {
        this.session = session;
    }

    public String getMonth() {
        return month == null || month.isBlank() ? YearMonth.now(Dates.VIETNAM).toString() : month;
    }

    public void setMonth(String month) {
        this.month = month;
    }
}
