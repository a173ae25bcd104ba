package vn.hssk.immunization.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.hssk.immunization.DueListService;
import vn.hssk.shared.ProblemException;

/**
 * Who is OVERDUE, DUE or UPCOMING (next month) in a village ({@code village=id}) or a whole commune ({@code commune=id})
 * for {@code month=yyyy-MM} (this month by default), optionally for some vaccines ({@code vaccine=BCG&vaccine=OPV}).
 */
@Path("/due-list")
@Produces(MediaType.APPLICATION_JSON)
public class DueListResource {

    @Inject
    private DueListService dueLists;

    @GET
    public List<DueEntryView> dueList(@QueryParam("village") Long village, @QueryParam("commune") Long commune,
                                      @QueryParam("month") String month, @QueryParam("vaccine") List<String> vaccines) {
        if (village != null && commune != null) {
            throw ProblemException.invalid("village", "Name a village or a commune, not both");
        }
        Set<String> codes = new LinkedHashSet<>();
        vaccines.forEach(v -> codes.add(v.strip().toUpperCase(Locale.ROOT)));
        return dueLists.dueList(village != null ? village : commune, month(month, "month"), codes).stream()
                .map(DueEntryView::of).toList();
    }

    static YearMonth month(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, field + " must be a month such as 2026-11");
        }
    }
}
