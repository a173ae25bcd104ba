package vn.hssk.immunization.web;

import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.hssk.immunization.DueList;
import vn.hssk.immunization.DueListService;
import vn.hssk.immunization.SessionService;
import vn.hssk.immunization.VaccinationSession;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.web.Dates;
import vn.hssk.shared.web.Language;

/**
 * The printable invitation list: of a village for a month ({@code ?village=id&month=yyyy-MM}, or {@code MM/yyyy} as
 * the page prints it), or of a planned session ({@code ?session=id}: its village or whole commune, its month, only the
 * vaccines planned). One block per child with the doses due, overdue or upcoming. The parameters are read as text and
 * checked before anything is shown: a village or session that does not exist or is not the caller's (another commune,
 * another province, or not a number at all) answers the 404 page, as the API does, so the page never tells which ids
 * exist elsewhere; a month that is not a month, or neither a village nor a session, answers the 400 page saying what
 * is expected.
 */
@Named
@RequestScoped
public class InvitationsView {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");
    private static final Pattern ID = Pattern.compile("\\d{1,18}");
    private static final Pattern ISO_MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern FORM_MONTH = Pattern.compile("\\d{2}/\\d{4}");
    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2200;

    @Inject
    private DueListService dueLists;

    @Inject
    private SessionService sessions;

    @Inject
    private Language language;

    private String village;
    private String session;
    private String month;
    private VaccinationSession planned;
    private YearMonth listMonth;
    private Map<Long, List<DueRow>> byChild = new LinkedHashMap<>();

    /** Reads the parameters and the list, or answers 404 / 400 (the view action of the page, before it renders). */
    public void load() {
        try {
            List<DueList.Entry> entries;
            if (present(session)) {
                long id = id(session).orElseThrow(() -> ProblemException.notFound("No session " + session));
                planned = sessions.session(id);
                entries = sessions.invitations(id);
                listMonth = YearMonth.from(planned.getSessionDate());
            } else if (present(village)) {
                YearMonth m = parsedMonth();
                if (m == null) {
                    fail(HttpServletResponse.SC_BAD_REQUEST, "invitations.month", month.strip());
                    return;
                }
                long id = id(village).orElseThrow(() -> ProblemException.notFound("No village " + village));
                entries = dueLists.dueList(id, m, Set.of());
                listMonth = m;
            } else {
                fail(HttpServletResponse.SC_BAD_REQUEST, "invitations.missing");
                return;
            }
            entries.stream().map(DueRow::of)
                    .forEach(r -> byChild.computeIfAbsent(r.personId(), k -> new ArrayList<>()).add(r));
        } catch (ProblemException e) {
            if (e.status() == HttpServletResponse.SC_FORBIDDEN) {
                fail(e.status(), "invitations.forbidden");
            } else if (e.status() == HttpServletResponse.SC_BAD_REQUEST) {
                fail(e.status(), "invitations.missing");
            } else {
                fail(HttpServletResponse.SC_NOT_FOUND, "invitations.notFound");
            }
        } catch (EJBAccessException e) {
            fail(HttpServletResponse.SC_FORBIDDEN, "invitations.forbidden");
        }
    }

    private void fail(int status, String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            context.getExternalContext().responseSendError(status, Texts.format(language.getLocale(), key,
                    arguments));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }

    private static boolean present(String parameter) {
        return parameter != null && !parameter.isBlank();
    }

    /** A database id as the parameter gives it; anything else names nothing. */
    private static Optional<Long> id(String parameter) {
        String p = parameter.strip();
        return ID.matcher(p).matches() ? Optional.of(Long.parseLong(p)) : Optional.empty();
    }

    /** The month asked for (this month when none), or null when it is not a month between 1900 and 2200. */
    private YearMonth parsedMonth() {
        if (!present(month)) {
            return YearMonth.now(Dates.VIETNAM);
        }
        String m = month.strip();
        try {
            YearMonth parsed = ISO_MONTH.matcher(m).matches() ? YearMonth.parse(m)
                    : FORM_MONTH.matcher(m).matches() ? YearMonth.parse(m, MONTH) : null;
            return parsed == null || parsed.getYear() < FIRST_YEAR || parsed.getYear() > LAST_YEAR ? null : parsed;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public Map<Long, List<DueRow>> getByChild() {
        return byChild;
    }

    public List<List<DueRow>> getChildren() {
        return List.copyOf(byChild.values());
    }

    /** The session's village (or commune), else the village of the children listed. */
    public String getVillageName() {
        if (planned != null) {
            return planned.getVillage() != null ? planned.getVillage().getName()
                    : planned.getStation().getCommune().getName();
        }
        return byChild.values().stream().findFirst().map(l -> l.get(0).villageName()).orElse("");
    }

    /** The session planned, when the list is a session's. */
    public VaccinationSession getPlanned() {
        return planned;
    }

    /** The month as forms write it, MM/yyyy. */
    public String getMonthLabel() {
        return MONTH.format(listMonth == null ? YearMonth.now(Dates.VIETNAM) : listMonth);
    }

    public String getVillage() {
        return village;
    }

    public void setVillage(String village) {
        this.village = village;
    }

    public String getSession() {
        return session;
    }

    public void setSession(String session) {
        this.session = session;
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
    }
}
