package vn.hssk.unit.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.rest.DateParams;
import vn.hssk.unit.UnitFile;
import vn.hssk.unit.UnitImportReport;
import vn.hssk.unit.UnitImportService;
import vn.hssk.unit.UnitLevel;
import vn.hssk.unit.UnitNode;
import vn.hssk.unit.UnitService;

/**
 * The administrative tree of the caller's province: search, tree levels with counts, units by id or by code on a
 * day, changes (rename, retype, move, close, successions, delete of a mistaken unit), and the code-list import
 * (preview, then apply) and export in CSV or XLSX.
 */
@Path("/units")
@Produces(MediaType.APPLICATION_JSON)
public class UnitResource {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    private UnitService units;

    @Inject
    private UnitImportService imports;

    @GET
    public List<UnitView> search(@QueryParam("q") String query, @QueryParam("level") String level,
                                 @QueryParam("asOf") String asOf,
                                 @QueryParam("first") @DefaultValue("0") int first,
                                 @QueryParam("max") @DefaultValue("100") int max) {
        LocalDate day = date("asOf", asOf);
        return UnitView.of(units.search(query, level(level), day == null ? LocalDate.now() : day, first, max));
    }

    /** One level of the tree: the roots without {@code parent}, else the children of that unit. */
    @GET
    @Path("tree")
    public List<UnitNode> tree(@QueryParam("parent") Long parent, @QueryParam("asOf") String asOf) {
        return units.children(parent, date("asOf", asOf));
    }

    @GET
    @Path("by-code/{code}")
    public UnitView byCode(@PathParam("code") String code, @QueryParam("asOf") String asOf) {
        return UnitView.of(units.byCode(code, date("asOf", asOf)));
    }

    @GET
    @Path("{id}")
    public UnitView get(@PathParam("id") long id) {
        return UnitView.of(units.get(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(UnitRequest request, @Context UriInfo uri) {
        UnitRequest r = required(request);
        UnitView created = UnitView.of(units.create(r.code(), r.name(), level(r.level()), r.unitType(),
                r.parentId(), r.validFrom()));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public UnitView update(@PathParam("id") long id, UnitRequest request) {
        UnitRequest r = required(request);
        return UnitView.of(units.update(id, r.name(), r.unitType(), r.parentId(), r.version()));
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    public UnitView close(@PathParam("id") long id, UnitRequest request) {
        return UnitView.of(units.close(id, required(request).validTo()));
    }

    @POST
    @Path("{id}/predecessors")
    @Consumes(MediaType.APPLICATION_JSON)
    public UnitView predecessors(@PathParam("id") long id, UnitRequest request) {
        return UnitView.of(units.addPredecessors(id, required(request).predecessorIds()));
    }

    @DELETE
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response delete(@PathParam("id") long id) {
        units.delete(id);
        return Response.noContent().build();
    }

    /**
     * Imports a code list sent as the body ({@code text/csv} or XLSX). {@code mode=preview} writes nothing;
     * {@code mode=apply} writes all lines, or with {@code validOnly=true} only the good ones. Answers the row report
     * as JSON, or as CSV for {@code Accept: text/csv}.
     */
    @POST
    @Path("import")
    @Consumes({"text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response importUnits(byte[] content, @QueryParam("mode") @DefaultValue("preview") String mode,
                                @QueryParam("validOnly") @DefaultValue("false") boolean validOnly,
                                @QueryParam("format") String format, @Context HttpHeaders headers) {
        UnitFile.Format f = format(format, headers.getMediaType());
        UnitImportReport report = switch (mode) {
            case "preview" -> imports.preview(content, f);
            case "apply" -> imports.apply(content, f, validOnly);
            default -> throw ProblemException.invalid("mode", "mode is preview or apply");
        };
        boolean csv = headers.getAcceptableMediaTypes().stream()
                .anyMatch(m -> "text".equals(m.getType()) && "csv".equals(m.getSubtype()));
        return csv ? Response.ok(report.toCsv(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"units-import-report.csv\"").build()
                : Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("export")
    @Produces({"text/csv", XLSX})
    public Response export(@QueryParam("format") @DefaultValue("csv") String format,
                           @QueryParam("asOf") String asOf) {
        UnitFile.Format f = switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> UnitFile.Format.CSV;
            case "xlsx" -> UnitFile.Format.XLSX;
            default -> throw ProblemException.invalid("format", "format is csv or xlsx");
        };
        byte[] file = units.export(date("asOf", asOf), f);
        String name = "units" + (asOf == null ? "" : "-" + asOf) + "." + f.name().toLowerCase(Locale.ROOT);
        return Response.ok(file, f == UnitFile.Format.XLSX ? XLSX : "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    private static UnitFile.Format format(String format, MediaType type) {
        if (format != null && !format.isBlank()) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "csv" -> UnitFile.Format.CSV;
                case "xlsx" -> UnitFile.Format.XLSX;
                default -> throw ProblemException.invalid("format", "format is csv or xlsx");
            };
        }
        return type != null && XLSX.equals(type.getType() + "/" + type.getSubtype()) ? UnitFile.Format.XLSX
                : UnitFile.Format.CSV;
    }

    private static UnitRequest required(UnitRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "A JSON body is required");
        }
        return request;
    }

    private static LocalDate date(String field, String value) {
        return DateParams.parse(value, field);
    }

    private static UnitLevel level(String level) {
        if (level == null || level.isBlank()) {
            return null;
        }
        try {
            return UnitLevel.valueOf(level.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("level", "Level is one of PROVINCE, DISTRICT, COMMUNE, VILLAGE");
        }
    }
}
