package vn.hssk.plan.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.Set;
import vn.hssk.plan.IndicatorUnit;
import vn.hssk.plan.TargetDetails;
import vn.hssk.plan.TargetProgress;
import vn.hssk.plan.TargetService;
import vn.hssk.shared.ProblemException;

/** Targets with their computed progress, and the indicator catalog they draw from. */
@Path("/targets")
@Produces(MediaType.APPLICATION_JSON)
public class TargetResource {

    @Inject
    private TargetService targets;

    @GET
    public List<TargetProgress> list(@QueryParam("unit") String unit) {
        return targets.targets(unit);
    }

    @GET
    @Path("{id}")
    public TargetProgress get(@PathParam("id") long id) {
        return targets.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(TargetRequest request, @Context UriInfo uri) {
        TargetRequest r = Requests.required(request);
        TargetProgress created = targets.create(details(r));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public TargetProgress revise(@PathParam("id") long id, TargetRequest request) {
        TargetRequest r = Requests.required(request);
        return targets.revise(id, details(r), r.version());
    }

    @DELETE
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response delete(@PathParam("id") long id) {
        targets.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/history")
    public List<AuditLine> history(@PathParam("id") long id) {
        return AuditLine.of(targets.history(id));
    }

    @GET
    @Path("indicators")
    public List<IndicatorView> indicators() {
        return IndicatorView.of(targets.indicators());
    }

    @GET
    @Path("computations")
    public Set<String> computations() {
        return targets.computations();
    }

    @POST
    @Path("indicators")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addIndicator(IndicatorRequest request) {
        IndicatorRequest r = Requests.required(request);
        IndicatorUnit kind;
        try {
            kind = r.unitKind() == null ? null : IndicatorUnit.valueOf(r.unitKind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("unitKind", "Unit is COUNT or PERCENT");
        }
        IndicatorView created = IndicatorView.of(targets.addIndicator(r.code(), r.nameVi(), r.nameEn(), kind,
                r.computation(), r.parameter()));
        return Response.status(201).entity(created).build();
    }

    private static TargetDetails details(TargetRequest r) {
        return new TargetDetails(r.indicatorId(), r.unitCode(), r.planId(), r.periodFrom(), r.periodTo(),
                r.baseline(), r.targetValue(), r.note());
    }
}
