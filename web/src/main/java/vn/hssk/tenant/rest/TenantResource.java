package vn.hssk.tenant.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import vn.hssk.shared.ProblemException;
import vn.hssk.tenant.OnboardingReport;
import vn.hssk.tenant.OnboardingRequest;
import vn.hssk.tenant.ProvinceMove;
import vn.hssk.tenant.ProvinceMoveService;
import vn.hssk.tenant.TenantMerge;
import vn.hssk.tenant.TenantMergeReport;
import vn.hssk.tenant.TenantMergeService;
import vn.hssk.tenant.TenantService;
import vn.hssk.tenant.TenantStatus;
import vn.hssk.tenant.TenantSummary;

/**
 * The registry of provinces for national administrators and their scripts: list, read, onboard, suspend, resume, and
 * move to another database server. Onboarding answers 201 with the step report when the tenant is active, and 502 with
 * the report when a step failed (the tenant is then FAILED and the same request can be sent again). A move answers 202
 * with the move, which runs in the background and is watched at {@code moves/{id}} until it is {@code done} (or
 * {@code failed}, resumed by asking for the same move again or by {@code moves/{id}/resume}). A merge into another
 * province ({@code merge}) answers 200 with the report of a dry run when asked for one, else 202 with the merge,
 * watched at {@code merges/{id}} the same way. {@code PUT} renames a province or changes its type, its code kept.
 */
@Path("/tenants")
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

    @Inject
    private TenantService tenants;

    @Inject
    private ProvinceMoveService moves;

    @Inject
    private TenantMergeService merges;

    @GET
    public List<TenantSummary> list() {
        return tenants.list();
    }

    @GET
    @Path("{code}")
    public TenantSummary get(@PathParam("code") String code) {
        return tenants.get(code);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response onboard(TenantRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw ProblemException.invalid("code", "A JSON body with code, name, adminUsername and adminEmail is required");
        }
        OnboardingReport report = tenants.onboard(new OnboardingRequest(request.code(), request.name(),
                request.adminUsername(), request.adminEmail(), request.dbServer()));
        if (report.status() == TenantStatus.ACTIVE) {
            return Response.created(uri.getAbsolutePathBuilder().path(report.code()).build()).entity(report).build();
        }
        return Response.status(Response.Status.BAD_GATEWAY).entity(report).build();
    }

    @POST
    @Path("{code}/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    public TenantSummary suspend(@PathParam("code") String code, SuspendRequest request) {
        return tenants.suspend(code, request == null ? null : request.reason());
    }

    @POST
    @Path("{code}/resume")
    @Consumes(MediaType.APPLICATION_JSON)
    public TenantSummary resume(@PathParam("code") String code) {
        return tenants.resume(code);
    }

    @POST
    @Path("{code}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response move(@PathParam("code") String code, MoveRequest request, @Context UriInfo uri) {
        ProvinceMove move = moves.move(code, request == null ? null : request.toServer());
        return accepted(move, uri);
    }

    @GET
    @Path("{code}/moves")
    public List<ProvinceMove> moves(@PathParam("code") String code) {
        return moves.list(code);
    }

    @GET
    @Path("{code}/moves/{id}")
    public ProvinceMove move(@PathParam("code") String code, @PathParam("id") long id) {
        return moves.get(code, id);
    }

    @POST
    @Path("{code}/moves/{id}/resume")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resumeMove(@PathParam("code") String code, @PathParam("id") long id, @Context UriInfo uri) {
        return accepted(moves.resume(code, id), uri);
    }

    @PUT
    @Path("{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public TenantSummary rename(@PathParam("code") String code, RenameRequest request) {
        if (request == null) {
            throw ProblemException.invalid("name", "A JSON body with the province's name (and type) is required");
        }
        return tenants.rename(code, request.name(), request.type());
    }

    @POST
    @Path("{code}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response merge(@PathParam("code") String code, MergeRequest request, @Context UriInfo uri) {
        String into = request == null ? null : request.into();
        if (request != null && Boolean.TRUE.equals(request.dryRun())) {
            TenantMergeReport report = merges.dryRun(code, into);
            return Response.ok(report).build();
        }
        return accepted(merges.merge(code, into), uri);
    }

    @GET
    @Path("{code}/merges")
    public List<TenantMerge> merges(@PathParam("code") String code) {
        return merges.list(code);
    }

    @GET
    @Path("{code}/merges/{id}")
    public TenantMerge merge(@PathParam("code") String code, @PathParam("id") long id) {
        return merges.get(code, id);
    }

    @POST
    @Path("{code}/merges/{id}/resume")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resumeMerge(@PathParam("code") String code, @PathParam("id") long id, @Context UriInfo uri) {
        return accepted(merges.resume(code, id), uri);
    }

    private static Response accepted(TenantMerge merge, UriInfo uri) {
        return Response.accepted(merge).location(uri.getBaseUriBuilder().path("tenants").path(merge.absorbed())
                .path("merges").path(String.valueOf(merge.id())).build()).build();
    }

    private static Response accepted(ProvinceMove move, UriInfo uri) {
        return Response.accepted(move).location(uri.getBaseUriBuilder().path("tenants").path(move.tenant())
                .path("moves").path(String.valueOf(move.id())).build()).build();
    }
}
