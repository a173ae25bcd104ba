package vn.hssk.audit.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import vn.hssk.audit.AuditQuery;
import vn.hssk.audit.AuditService;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.rest.DateParams;

/**
 * The audit trail for province administrators: {@code ?person={id}} answers who saw or changed that record,
 * {@code ?user={username}} what that user touched, {@code from}/{@code to} (yyyy-MM-dd, both days included, Vietnam
 * time) narrow to a period; the parts combine. Newest first, paged by {@code first}/{@code max}; the header
 * {@code X-Total-Count} gives the number of matching lines.
 */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Inject
    private AuditService audit;

    @GET
    public Response events(@QueryParam("person") Long personId, @QueryParam("user") String username,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("first") @DefaultValue("0") int first,
                           @QueryParam("max") @DefaultValue("100") int max) {
        LocalDate fromDay = day(from, "from");
        LocalDate toDay = day(to, "to");
        AuditQuery query = new AuditQuery(personId, username,
                fromDay == null ? null : fromDay.atStartOfDay(VIETNAM).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(VIETNAM).toInstant());
        if (query.isEmpty()) {
            throw ProblemException.invalid("person", "Ask about a person (?person=id), a user (?user=name) or a"
                    + " period (?from=yyyy-MM-dd&to=yyyy-MM-dd)");
        }
        return Response.ok(audit.search(query, first, max).stream().map(AuditEventView::of).toList())
                .header("X-Total-Count", audit.count(query)).build();
    }

    private static LocalDate day(String value, String field) {
        return DateParams.parse(value, field);
    }
}
