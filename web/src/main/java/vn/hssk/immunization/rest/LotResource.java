package vn.hssk.immunization.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import vn.hssk.immunization.StockService;

/**
 * The province's vaccine lots: received with number, expiry and quantity, allocated to stations. {@code vaccine}
 * narrows to one vaccine, {@code expiringWithinDays} to lots expiring soon (or already expired).
 */
@Path("/lots")
@Produces(MediaType.APPLICATION_JSON)
public class LotResource {

    @Inject
    private StockService stock;

    @GET
    public List<LotView> list(@QueryParam("vaccine") String vaccine,
                              @QueryParam("expiringWithinDays") Integer expiringWithinDays) {
        return stock.lots(vaccine, expiringWithinDays).stream().map(LotView::of).toList();
    }

    @GET
    @Path("{id}")
    public LotView get(@PathParam("id") long id) {
        return LotView.of(stock.lot(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response receive(LotRequest request, @Context UriInfo uri) {
        LotRequest r = Params.body(request, "vaccine");
        LotView created = LotView.of(stock.receiveLot(r.vaccine(), r.lotNumber(), Params.date(r.expiry(), "expiry"),
                r.quantity(), Params.date(r.receivedOn(), "receivedOn")));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @POST
    @Path("{id}/allocations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response allocate(@PathParam("id") long id, AllocationRequest request) {
        AllocationRequest r = Params.body(request, "stationId");
        return Response.status(201).entity(MovementView.of(stock.allocate(id, r.stationId(), r.quantity(),
                Params.date(r.on(), "on")))).build();
    }
}
