package vn.hssk.plan.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import vn.hssk.plan.PlanService;
import vn.hssk.plan.PlanSheet;
import vn.hssk.plan.TaskStatus;
import vn.hssk.shared.ProblemException;

/** Plans with their legal basis, phases and tasks: list, read, create, revise, copy to a year, task status. */
@Path("/plans")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    @Inject
    private PlanService plans;

    /** A copy to another year, optionally with a new title. */
    public record CopyToYear(Integer year, String title) {
    }

    /** A task's new status. */
    public record StatusChange(String status) {
    }

    @GET
    public List<PlanSheet> list() {
        return plans.plans();
    }

    @GET
    @Path("{id}")
    public PlanSheet get(@PathParam("id") long id) {
        return plans.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(PlanRequest request, @Context UriInfo uri) {
        PlanRequest r = Requests.required(request);
        PlanSheet created = plans.create(r.unitCode(), r.details());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PlanSheet revise(@PathParam("id") long id, PlanRequest request) {
        PlanRequest r = Requests.required(request);
        return plans.revise(id, r.details(), r.version());
    }

    @POST
    @Path("{id}/copy")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response copy(@PathParam("id") long id, CopyToYear request, @Context UriInfo uri) {
        CopyToYear r = Requests.required(request);
        if (r.year() == null) {
            throw ProblemException.invalid("year", "The year of the copy is required");
        }
        PlanSheet copy = plans.copyToYear(id, r.year(), r.title());
        return Response.status(201).entity(copy).build();
    }

    @POST
    @Path("{id}/tasks/{taskId}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public PlanSheet status(@PathParam("id") long id, @PathParam("taskId") long taskId, StatusChange request) {
        StatusChange r = Requests.required(request);
        TaskStatus status;
        try {
            status = r.status() == null ? null : TaskStatus.valueOf(r.status().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "Status is one of NOT_STARTED, IN_PROGRESS, DONE, CANCELLED");
        }
        return plans.changeTaskStatus(id, taskId, status);
    }

    @GET
    @Path("{id}/history")
    public List<AuditLine> history(@PathParam("id") long id) {
        return AuditLine.of(plans.history(id));
    }
}
