package vn.hssk.citizen.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.hssk.citizen.ChangeRequest;
import vn.hssk.citizen.ChangeRequestView;
import vn.hssk.citizen.ChangeRequests;
import vn.hssk.record.EntrySource;
import vn.hssk.shared.rest.RequestParams;

/**
 * Citizens' change requests for the station: {@code GET /api/change-requests?status=PENDING} (the caller's communes,
 * or the province), {@code POST /api/change-requests/{id}/approve} (body {@code {version}}: the record is corrected)
 * and {@code .../reject} (body {@code {reason, version}}), for station staff.
 */
@Path("/change-requests")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeRequestResource {

    /** A decision: the version seen, and for a rejection the reason. */
    public record Decision(String reason, Integer version) {
    }

    @Inject
    private ChangeRequests requests;

    @GET
    public List<ChangeRequestView> list(@QueryParam("status") String status,
                                        @QueryParam("first") @DefaultValue("0") int first,
                                        @QueryParam("max") @DefaultValue("50") int max) {
        return requests.list(RequestParams.enumValue(ChangeRequest.Status.class, status, "status"), first, max);
    }

    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    public ChangeRequestView approve(@PathParam("id") long id, Decision body) {
        return requests.approve(id, body == null ? null : body.version(), EntrySource.API);
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public ChangeRequestView reject(@PathParam("id") long id, Decision body) {
        Decision d = body == null ? new Decision(null, null) : body;
        return requests.reject(id, d.reason(), d.version());
    }
}
