package vn.hssk.tenant.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import vn.hssk.tenant.CurrentProvinceService;

/** {@code GET /api/me}: who the token belongs to and the province they work in. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    private CurrentProvinceService current;

    @GET
    public CurrentProvinceService.Me me() {
        return current.whoAmI();
    }
}
