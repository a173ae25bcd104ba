package vn.hssk.consult.rest;

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
import vn.hssk.consult.HospitalService;
import vn.hssk.shared.rest.RequestParams;

/**
 * The hospitals of the caller's province: {@code GET /api/hospitals?includeClosed=}, and for the province
 * administrator {@code POST} (register), {@code PUT /{id}} (correct name and address), {@code POST /{id}/close} and
 * {@code /{id}/reopen}.
 */
@Path("/hospitals")
@Produces(MediaType.APPLICATION_JSON)
public class HospitalResource {

    @Inject
    private HospitalService hospitals;

    @GET
    public List<HospitalView> list(@QueryParam("includeClosed") @DefaultValue("false") boolean includeClosed) {
        return hospitals.list(includeClosed).stream().map(HospitalView::of).toList();
    }

    @GET
    @Path("{id}")
    public HospitalView get(@PathParam("id") long id) {
        return HospitalView.of(hospitals.get(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(HospitalBody body, @Context UriInfo uri) {
        HospitalBody b = RequestParams.body(body, "name");
        HospitalView created = HospitalView.of(hospitals.register(b.facilityCode(), b.name(), b.address()));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public HospitalView amend(@PathParam("id") long id, HospitalBody body) {
        HospitalBody b = RequestParams.body(body, "name");
        return HospitalView.of(hospitals.amend(id, b.name(), b.address(), b.version()));
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    public HospitalView close(@PathParam("id") long id, HospitalBody body) {
        return HospitalView.of(hospitals.close(id, body == null ? null : body.version()));
    }

    @POST
    @Path("{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    public HospitalView reopen(@PathParam("id") long id, HospitalBody body) {
        return HospitalView.of(hospitals.reopen(id, body == null ? null : body.version()));
    }
}
