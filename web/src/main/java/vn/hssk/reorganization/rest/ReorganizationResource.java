package vn.hssk.reorganization.rest;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.hssk.reorganization.Reorganization;
import vn.hssk.reorganization.ReorganizationPreview;
import vn.hssk.reorganization.ReorganizationService;
import vn.hssk.reorganization.UnitCounts.Measure;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.rest.DateParams;
import vn.hssk.shared.rest.ProblemMapper;
import vn.hssk.shared.web.ProblemTexts;

/**
 * Reorganizations of the caller's province. Apply and undo answer 202 with the reorganization to follow
 * ({@code GET /api/reorganizations/{id}}); the preview's sentences are English, or Vietnamese with
 * {@code Accept-Language: vi}.
 */
@Path("/reorganizations")
@Produces(MediaType.APPLICATION_JSON)
public class ReorganizationResource {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The preview with its coded sentences said in the reader's language. */
    public record PreviewView(long id, String title, LocalDate effectiveDate, String status, List<Line> units,
                              Map<Measure, Long> totalBefore, Map<Measure, Long> totalAfter, List<String> conflicts,
                              List<String> rules) {
    }

    public record Line(String code, String name, String fate, String heir, Map<Measure, Long> before,
                       Map<Measure, Long> after, List<String> happens) {
    }

    @Inject
    private ReorganizationService reorganizations;

    @GET
    public List<ReorganizationView> list() {
        return reorganizations.list().stream().map(ReorganizationView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ReorganizationRequest request, @Context UriInfo uri) {
        ReorganizationRequest r = require(request);
        Reorganization created = reorganizations.create(r.title(), date(r.effectiveDate()), r.toSteps());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.getId())).build())
                .entity(ReorganizationView.of(created)).build();
    }

    /**
     * A draft from a decision's list (one line per old commune: {@code ma_xa_cu, ma_xa_moi, ten_xa_moi, loai}), sent as
     * CSV in UTF-8 or as XLSX ({@code format=xlsx} or its content type).
     */
    @POST
    @Path("decision")
    @Consumes({"text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM})
    public Response createFromDecision(byte[] content, @QueryParam("title") String title,
                                       @QueryParam("effectiveDate") String effectiveDate,
                                       @QueryParam("format") String format, @Context HttpHeaders headers,
                                       @Context UriInfo uri) {
        boolean xlsx = "xlsx".equalsIgnoreCase(format) || headers.getMediaType() != null
                && XLSX.equals(headers.getMediaType().getType() + "/" + headers.getMediaType().getSubtype());
        Reorganization created = reorganizations.createFromDecision(title, date(effectiveDate), content,
                xlsx ? "decision.xlsx" : "decision.csv");
        return Response.created(uri.getBaseUriBuilder().path("reorganizations").path(String.valueOf(created.getId()))
                .build()).entity(ReorganizationView.of(created)).build();
    }

    @GET
    @Path("{id}")
    public ReorganizationView get(@PathParam("id") long id) {
        return ReorganizationView.of(reorganizations.get(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReorganizationView redraft(@PathParam("id") long id, ReorganizationRequest request) {
        ReorganizationRequest r = require(request);
        return ReorganizationView.of(reorganizations.redraft(id, r.title(), date(r.effectiveDate()), r.toSteps()));
    }

    @GET
    @Path("{id}/preview")
    public PreviewView preview(@PathParam("id") long id, @Context HttpHeaders headers) {
        Locale language = ProblemMapper.language(headers);
        ReorganizationPreview p = reorganizations.preview(id);
        List<Line> lines = new ArrayList<>();
        for (ReorganizationPreview.UnitLine u : p.units()) {
            lines.add(new Line(u.code(), u.name(), u.fate(), u.heir(), u.before(), u.after(),
                    say(u.happens(), language)));
        }
        return new PreviewView(p.id(), p.title(), p.effectiveDate(), p.status().name(), lines, p.totalBefore(),
                p.totalAfter(), say(p.conflicts(), language), say(p.rules(), language));
    }

    @POST
    @Path("{id}/apply")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response apply(@PathParam("id") long id) {
        return Response.accepted(ReorganizationView.of(reorganizations.apply(id))).build();
    }

    @POST
    @Path("{id}/undo")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response undo(@PathParam("id") long id) {
        return Response.accepted(ReorganizationView.of(reorganizations.undo(id))).build();
    }

    @POST
    @Path("{id}/resume")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resume(@PathParam("id") long id) {
        return Response.accepted(ReorganizationView.of(reorganizations.resume(id))).build();
    }

    /** The preview's measures of the named communes now ({@code communes=00001,00002}). */
    @GET
    @Path("counts")
    public Map<String, Map<Measure, Long>> counts(@QueryParam("communes") String communes,
                                                  @QueryParam("effectiveDate") String effectiveDate) {
        if (communes == null || communes.isBlank()) {
            throw ProblemException.invalid(FieldError.coded("communes", "required", "communes is required",
                    "communes"));
        }
        List<String> codes = Arrays.stream(communes.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
        if (codes.size() > 200 || codes.stream().anyMatch(c -> !c.matches("\\d{5}"))) {
            throw ProblemException.invalid(FieldError.coded("communes", "reorg.communeList",
                    "communes is a comma-separated list of up to 200 five-digit commune codes"));
        }
        LocalDate day = effectiveDate == null ? LocalDate.now() : date(effectiveDate);
        return new LinkedHashMap<>(reorganizations.countsNow(codes, day));
    }

    private static List<String> say(List<FieldError> errors, Locale language) {
        return errors.stream().map(e -> ProblemTexts.message(e, language)).toList();
    }

    private static ReorganizationRequest require(ReorganizationRequest request) {
        if (request == null) {
            throw ProblemException.invalid(FieldError.coded("title", "required", "title is required", "title"));
        }
        return request;
    }

    private static LocalDate date(String value) {
        LocalDate day = DateParams.parse(value, "effectiveDate");
        if (day == null) {
            throw ProblemException.invalid(FieldError.coded("effectiveDate", "required",
                    "effectiveDate is required", "effectiveDate"));
        }
        return day;
    }
}
