package vn.hssk.icd10.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import vn.hssk.icd10.Icd10Service;
import vn.hssk.shared.ProblemException;

/**
 * {@code GET /api/icd10?q=} finds codes by code prefix ({@code E11}, {@code j4}) or by words of the Vietnamese name
 * with or without diacritics ({@code dai thao duong}); {@code POST} adds a code (province administrators).
 */
@Path("/icd10")
@Produces(MediaType.APPLICATION_JSON)
public class Icd10Resource {

    @Inject
    private Icd10Service icd10;

    @GET
    public List<Icd10View> search(@QueryParam("q") String query, @QueryParam("max") @DefaultValue("20") int max) {
        return icd10.search(query, max).stream().map(Icd10View::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(Icd10Request request) {
        if (request == null) {
            throw ProblemException.invalid("code", "A JSON body is required");
        }
        return Response.status(Response.Status.CREATED)
                .entity(Icd10View.of(icd10.add(request.code(), request.name()))).build();
    }
}
