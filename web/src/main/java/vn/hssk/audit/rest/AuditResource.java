package vn.hssk.audit.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.hssk.audit.AuditEvent;
import vn.hssk.audit.AuditService;
import vn.hssk.shared.ProblemException;

/**
 * The audit trail for province administrators: {@code ?person={id}} answers who saw or changed that record,
 * {@code ?user={username}} what that user touched; newest first, paged by {@code first}/{@code max}.
 */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    private AuditService audit;

    @GET
    public List<AuditEventView> events(@QueryParam("person") Long personId, @QueryParam("user") String username,
                                       @QueryParam("first") @DefaultValue("0") int first,
                                       @QueryParam("max") @DefaultValue("100") int max) {
        List<AuditEvent> events;
        if (personId != null) {
            events = audit.forPerson(personId, first, max);
        } else if (username != null && !username.isBlank()) {
            events = audit.byUser(username, first, max);
        } else {
            throw ProblemException.invalid("person", "Ask about a person (?person=id) or a user (?user=name)");
        }
        return events.stream().map(AuditEventView::of).toList();
    }
}
