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
import vn.hssk.shared.ProblemException;
import vn.hssk.station.StationDetails;
import vn.hssk.station.StationService;

/** The health stations of the caller's province, or of their communes: list, read, open, amend and close. */
@Path("/stations")
@Produces(MediaType.APPLICATION_JSON)
public class StationResource {

    @Inject
    private StationService stations;

    @GET
    public List<StationView> list(@QueryParam("commune") String commune,
                                  @QueryParam("includeClosed") @DefaultValue("false") boolean includeClosed) {
        return stations.stations(commune, includeClosed).stream().map(StationView::of).toList();
    }

    @GET
    @Path("{id}")
    public StationView get(@PathParam("id") long id) {
        return StationView.of(stations.station(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(StationRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw ProblemException.invalid("name", "A JSON body is required");
        }
        StationView created = StationView.of(stations.create(request.commune(), request.parentId(),
                request.formerCommune(), details(request)));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public StationView amend(@PathParam("id") long id, StationRequest request) {
        if (request == null) {
            throw ProblemException.invalid("name", "A JSON body is required");
        }
        return StationView.of(stations.amend(id, details(request), request.formerCommune(), request.version()));
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    public StationView close(@PathParam("id") long id, CloseRequest request) {
        if (request == null) {
            throw ProblemException.invalid("reason", "A JSON body with the reason is required");
        }
        return StationView.of(stations.close(id, request.closedOn(), request.reason()));
    }

    private static StationDetails details(StationRequest r) {
        return new StationDetails(r.name(), r.facilityCode(), r.address(), r.phone(), r.openingHours());
    }
}
