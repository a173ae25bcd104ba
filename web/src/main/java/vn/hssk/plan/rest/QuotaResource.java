package vn.hssk.plan.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.hssk.plan.QuotaGrid;
import vn.hssk.plan.QuotaService;
import vn.hssk.shared.ProblemException;

/**
 * Village quotas, a commune and a year at a time: read the grid, save it, import it from CSV/XLSX, copy it from
 * another year, and read who changed what.
 */
@Path("/quotas")
@Produces(MediaType.APPLICATION_JSON)
public class QuotaResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    private QuotaService quotas;

    @GET
    public QuotaGrid grid(@QueryParam("commune") String commune, @QueryParam("year") String year) {
        return quotas.grid(commune, Requests.year(year, "year"));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public QuotaGrid save(QuotaRequest request) {
        QuotaRequest r = Requests.required(request);
        if (r.year() == null) {
            throw ProblemException.invalid("year", "The year is required");
        }
        return quotas.save(r.commune(), r.year(), r.entries(), Boolean.TRUE.equals(r.confirmAbovePopulation()));
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM})
    public QuotaGrid importFile(byte[] content, @QueryParam("commune") String commune,
                                @QueryParam("year") String year,
                                @QueryParam("confirmAbovePopulation") @DefaultValue("false") boolean confirmed,
                                @Context HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        boolean xlsx = type != null && XLSX.equals(type.getType() + "/" + type.getSubtype());
        return quotas.importFile(commune, Requests.year(year, "year"), content, xlsx, confirmed);
    }

    @POST
    @Path("copy")
    @Consumes(MediaType.APPLICATION_JSON)
    public QuotaGrid copy(CopyRequest request) {
        CopyRequest r = Requests.required(request);
        if (r.fromYear() == null || r.toYear() == null) {
            throw ProblemException.invalid(r.fromYear() == null ? "fromYear" : "toYear", "Both years are required");
        }
        return quotas.copyYear(r.commune(), r.fromYear(), r.toYear(), Boolean.TRUE.equals(r.overwrite()));
    }

    @GET
    @Path("history")
    public List<AuditLine> history(@QueryParam("commune") String commune, @QueryParam("year") String year) {
        return AuditLine.of(quotas.history(commune, Requests.year(year, "year")));
    }
}
