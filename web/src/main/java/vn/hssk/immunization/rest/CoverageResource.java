package vn.hssk.immunization.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.util.List;
import vn.hssk.immunization.CoverageRow;
import vn.hssk.immunization.CoverageService;
import vn.hssk.immunization.CoverageSheet;

/**
 * Coverage by birth cohort, month by month ({@code from}, {@code to} as yyyy-MM): of a unit ({@code unit=id}; the
 * province by default for province roles) as JSON or XLSX ({@code /api/coverage/xlsx}); and for national
 * administrators the province totals only ({@code /api/coverage/national}).
 */
@Path("/coverage")
@Produces(MediaType.APPLICATION_JSON)
public class CoverageResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    private CoverageService coverage;

    @GET
    public List<CoverageRow> coverage(@QueryParam("unit") Long unit, @QueryParam("from") String from,
                                      @QueryParam("to") String to) {
        return coverage.coverage(unit, month(from, "from"), month(to, "to"));
    }

    @GET
    @Path("xlsx")
    @Produces({XLSX, MediaType.APPLICATION_JSON})
    public Response xlsx(@QueryParam("unit") Long unit, @QueryParam("from") String from,
                         @QueryParam("to") String to) {
        byte[] sheet = CoverageSheet.xlsx(coverage.coverage(unit, month(from, "from"), month(to, "to")));
        return Response.ok(sheet, XLSX).header("Content-Disposition", "attachment; filename=\"coverage.xlsx\"")
                .build();
    }

    @GET
    @Path("national")
    public List<CoverageRow> national(@QueryParam("from") String from, @QueryParam("to") String to) {
        return coverage.national(month(from, "from"), month(to, "to"));
    }

    private static YearMonth month(String value, String field) {
        YearMonth m = DueListResource.month(value, field);
        if (m == null) {
            throw vn.hssk.shared.ProblemException.invalid(field, field + " is a month such as 2026-01");
        }
        return m;
    }
}
