package vn.hssk.station.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import vn.hssk.shared.ProblemException;
import vn.hssk.station.StaffDetails;
import vn.hssk.station.StaffPosition;
import vn.hssk.station.StationService;

/** The staff of the stations the caller sees: list (of one station), read, add, amend, and record a departure. */
@Path("/staff")
@Produces(MediaType.APPLICATION_JSON)
public class StaffResource {

    @Inject
    private StationService stations;

    @GET
    public List<StaffView> list(@QueryParam("station") Long station,
                                @QueryParam("includeEnded") @DefaultValue("false") boolean includeEnded) {
        return stations.staff(station, includeEnded).stream().map(StaffView::of).toList();
    }

    @GET
    @Path("{id}")
    public StaffView get(@PathParam("id") long id) {
        return StaffView.of(stations.staffMember(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(StaffRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw ProblemException.invalid("fullName", "A JSON body is required");
        }
        StaffView created = StaffView.of(stations.addStaff(request.stationId(), details(request)));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public StaffView amend(@PathParam("id") long id, StaffRequest request) {
        if (request == null) {
            throw ProblemException.invalid("fullName", "A JSON body is required");
        }
        return StaffView.of(stations.amendStaff(id, details(request), request.version()));
    }

    @POST
    @Path("{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    public StaffView end(@PathParam("id") long id, EndRequest request) {
        EndRequest r = request == null ? new EndRequest(null, null) : request;
        return StaffView.of(stations.endStaff(id, r.endedOn(), r.reason()));
    }

    private static StaffDetails details(StaffRequest r) {
        return new StaffDetails(r.fullName(), position(r.position()), r.licenceNumber(), r.phone(), r.username(),
                r.startedOn());
    }

    private static StaffPosition position(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return StaffPosition.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("position",
                    "Position is one of HEAD, DOCTOR, ASSISTANT_DOCTOR, NURSE, MIDWIFE, PHARMACIST, OTHER");
        }
    }
}
