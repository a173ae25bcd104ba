package vn.hssk.unit.rest;

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
import vn.hssk.unit.UnitLevel;
import vn.hssk.unit.UnitService;

/** The administrative units of the caller's province: search, read, create and rename. */
@Path("/units")
@Produces(MediaType.APPLICATION_JSON)
public class UnitResource {

    @Inject
    private UnitService units;

    @GET
    public List<UnitView> search(@QueryParam("q") String query, @QueryParam("level") String level,
                                 @QueryParam("first") @DefaultValue("0") int first,
                                 @QueryParam("max") @DefaultValue("100") int max) {
        return units.search(query, level(level), first, max).stream().map(UnitView::of).toList();
    }

    @GET
    @Path("{id}")
    public UnitView get(@PathParam("id") long id) {
        return UnitView.of(units.get(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(UnitRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw ProblemException.invalid("code", "A JSON body is required");
        }
        UnitView created = UnitView.of(units.create(request.code(), request.name(), level(request.level()),
                request.unitType(), request.parentId(), request.validFrom()));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public UnitView rename(@PathParam("id") long id, UnitRequest request) {
        if (request == null) {
            throw ProblemException.invalid("name", "A JSON body with the new name is required");
        }
        return UnitView.of(units.rename(id, request.name(), request.version()));
    }

    private static UnitLevel level(String level) {
        if (level == null || level.isBlank()) {
            return null;
        }
        try {
            return UnitLevel.valueOf(level.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("level", "Level is one of PROVINCE, DISTRICT, COMMUNE, VILLAGE");
        }
    }
}
