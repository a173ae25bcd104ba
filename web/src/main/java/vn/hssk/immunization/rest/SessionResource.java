package vn.hssk.immunization.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import vn.hssk.immunization.SessionService;
import vn.hssk.record.rest.VoidRequest;

/** Vaccination sessions of the caller's stations, and the invitation (due) list of each. */
@Path("/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    private SessionService sessions;

    @GET
    public List<SessionView> list(@QueryParam("station") Long station, @QueryParam("from") String from,
                                  @QueryParam("to") String to) {
        return sessions.sessions(station, Params.date(from, "from"), Params.date(to, "to")).stream()
                .map(SessionView::of).toList();
    }

    @GET
    @Path("{id}")
    public SessionView get(@PathParam("id") long id) {
        return SessionView.of(sessions.session(id));
    }

    @GET
    @Path("{id}/due-list")
    public List<DueEntryView> invitations(@PathParam("id") long id) {
        return sessions.invitations(id).stream().map(DueEntryView::of).toList();
    }

    /** Who booked a place in the session from the citizen portal. */
    @GET
    @Path("{id}/bookings")
    public List<SessionService.Booked> bookings(@PathParam("id") long id) {
        return sessions.bookings(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response plan(SessionRequest request) {
        SessionRequest r = Params.body(request, "stationId");
        return Response.status(201).entity(SessionView.of(sessions.plan(r.stationId(),
                Params.date(r.sessionDate(), "sessionDate"), r.place(), r.villageId(), r.vaccines(), r.notes(),
                r.capacity())))
                .build();
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    public SessionView cancel(@PathParam("id") long id, VoidRequest request) {
        VoidRequest r = Params.body(request, "reason");
        return SessionView.of(sessions.cancel(id, r.reason()));
    }
}
