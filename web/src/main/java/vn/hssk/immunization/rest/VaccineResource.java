package vn.hssk.immunization.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import vn.hssk.immunization.VaccineDetails;
import vn.hssk.immunization.VaccineService;

/** The vaccine catalog: everyone in the province reads it ({@code all=true} adds inactive ones); the province keeps it. */
@Path("/vaccines")
@Produces(MediaType.APPLICATION_JSON)
public class VaccineResource {

    @Inject
    private VaccineService vaccines;

    @GET
    public List<VaccineView> list(@QueryParam("all") boolean all) {
        return vaccines.vaccines(all).stream().map(VaccineView::of).toList();
    }

    @GET
    @Path("{id}")
    public VaccineView get(@PathParam("id") long id) {
        return VaccineView.of(vaccines.vaccine(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(VaccineRequest request, @Context UriInfo uri) {
        VaccineRequest r = Params.body(request, "code");
        VaccineView created = VaccineView.of(vaccines.createVaccine(new VaccineDetails(r.code(), r.name(),
                r.antigen(), r.manufacturer(), r.dosesPerVial(), r.nameVi())));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public VaccineView amend(@PathParam("id") long id, VaccineRequest request) {
        VaccineRequest r = Params.body(request, "name");
        return VaccineView.of(vaccines.amendVaccine(id, new VaccineDetails(r.code(), r.name(), r.antigen(),
                r.manufacturer(), r.dosesPerVial(), r.nameVi()), r.active(), r.version()));
    }
}
