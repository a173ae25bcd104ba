package vn.hssk.immunization.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import vn.hssk.immunization.StockLine;
import vn.hssk.immunization.StockService;
import vn.hssk.shared.ProblemException;

/**
 * Stock per station and lot (the stations of the caller's communes; the whole province for its administrator), the
 * movements of a station, and the wastage and returns station staff record.
 */
@Path("/stock")
@Produces(MediaType.APPLICATION_JSON)
public class StockResource {

    @Inject
    private StockService stock;

    @GET
    public List<StockLine> balances(@QueryParam("station") Long stationId, @QueryParam("withEmpty") boolean withEmpty) {
        return stock.stock(stationId, withEmpty);
    }

    @GET
    @Path("movements")
    public List<MovementView> movements(@QueryParam("station") Long stationId, @QueryParam("lot") Long lotId) {
        if (stationId == null) {
            throw ProblemException.invalid("station", "Name the station");
        }
        return stock.movements(stationId, lotId).stream().map(MovementView::of).toList();
    }

    @POST
    @Path("movements")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response record(MovementRequest request) {
        MovementRequest r = Params.body(request, "kind");
        return Response.status(201).entity(MovementView.of(stock.record(r.stationId(), r.lotId(), r.kind(),
                r.quantity(), Params.date(r.on(), "on"), r.reason()))).build();
    }
}
