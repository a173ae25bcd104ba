package vn.hssk.plan.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import vn.hssk.plan.CommuneDashboard;
import vn.hssk.plan.NationalProgress;
import vn.hssk.plan.NationalProgressService;
import vn.hssk.plan.ProgressService;
import vn.hssk.plan.UnitProgress;

/**
 * Progress of record creation against quotas, counted at the moment of the call: {@code ?unit=&period=} for any unit
 * (the province when no unit is named), the province overview (laggards first), a commune's dashboard and its report
 * as XLSX or PDF, and for national administrators every province's totals against its targets.
 */
@Path("/progress")
@Produces(MediaType.APPLICATION_JSON)
public class ProgressResource {

    static final String PDF = "application/pdf";

    @Inject
    private ProgressService progress;

    @Inject
    private NationalProgressService national;

    @GET
    public UnitProgress unit(@QueryParam("unit") String unit, @QueryParam("period") String period) {
        return progress.unit(unit, period);
    }

    @GET
    @Path("overview")
    public UnitProgress overview(@QueryParam("period") String period) {
        return progress.overview(period);
    }

    @GET
    @Path("dashboard")
    public CommuneDashboard dashboard(@QueryParam("commune") String commune, @QueryParam("period") String period) {
        return progress.dashboard(commune, period);
    }

    @GET
    @Path("report")
    @Produces({QuotaResource.XLSX, PDF, MediaType.APPLICATION_JSON})
    public Response report(@QueryParam("commune") String commune, @QueryParam("period") String period,
                           @QueryParam("format") @DefaultValue("xlsx") String format,
                           @QueryParam("lang") @DefaultValue("vi") String lang) {
        byte[] file = progress.report(commune, period, format, Locale.forLanguageTag(lang));
        boolean pdf = "pdf".equalsIgnoreCase(format);
        String name = "tien-do-" + commune + (period == null ? "" : "-" + period) + (pdf ? ".pdf" : ".xlsx");
        return Response.ok(file, pdf ? PDF : QuotaResource.XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    @GET
    @Path("national")
    public List<NationalProgress> national() {
        return national.totals();
    }
}
