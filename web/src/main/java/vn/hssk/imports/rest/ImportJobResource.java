package vn.hssk.imports.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import vn.hssk.imports.ImportJob;
import vn.hssk.imports.ImportJobService;
import vn.hssk.imports.ImportKind;
import vn.hssk.imports.ImportLimits;
import vn.hssk.imports.PersonFile;
import vn.hssk.imports.PersonImportReport;
import vn.hssk.imports.web.ImportReportFiles;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.rest.ProblemMapper;
import vn.hssk.shared.web.ProblemTexts;

/**
 * Import jobs: {@code POST /api/imports?kind=persons|doses&mode=preview|apply} stores the uploaded list and answers
 * 202 with the queued job and its {@code Location}; {@code GET /api/imports/{id}} tells where it stands; {@code POST
 * .../apply} applies a preview, {@code .../cancel} stops a job after its current chunk, {@code .../resume} resumes a
 * paused or failed one; {@code GET .../report} gives the row report as it stands (JSON paged by {@code first}/{@code
 * max}, or whole as CSV or XLSX), its messages in English or, with {@code Accept-Language: vi}, Vietnamese. A list is
 * CSV (UTF-8 unless {@code encoding=windows-1252|windows-1258}) or XLSX, refused with 413 past the import limit.
 */
@Path("/imports")
public class ImportJobResource {

    @Inject
    private ImportJobService jobs;

    @POST
    @Consumes({"text/csv", PersonImportReport.XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public Response start(InputStream body, @QueryParam("kind") @DefaultValue("persons") String kind,
                          @QueryParam("mode") @DefaultValue("preview") String mode,
                          @QueryParam("mapping") String mapping, @QueryParam("format") String format,
                          @QueryParam("encoding") String encoding, @QueryParam("fileName") String fileName,
                          @Context HttpHeaders headers, @Context UriInfo uri) {
        ImportKind k = kind(kind);
        ImportJob.Mode m = mode(mode);
        PersonFile.Format f = PersonImportResource.format(format, headers.getMediaType());
        PersonFile.Encoding e = PersonFile.Encoding.of(encoding);
        if (headers.getLength() > ImportLimits.maxBytes()) {
            throw ImportLimits.tooLarge();
        }
        ImportJob job = jobs.start(k, m, body, fileName, f, e, mapping);
        return accepted(job, uri);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("first") @DefaultValue("0") int first,
                         @QueryParam("max") @DefaultValue("50") int max) {
        List<ImportJobView> page = jobs.list(first, max).stream().map(ImportJobView::of).toList();
        return Response.ok(page).header("X-Total-Count", jobs.count()).build();
    }

    @GET
    @Path("{id: \\d+}")
    @Produces(MediaType.APPLICATION_JSON)
    public ImportJobView get(@PathParam("id") long id) {
        return ImportJobView.of(jobs.find(id));
    }

    @POST
    @Path("{id: \\d+}/apply")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response apply(@PathParam("id") long id, @Context UriInfo uri) {
        return accepted(jobs.apply(id), uri);
    }

    @POST
    @Path("{id: \\d+}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ImportJobView cancel(@PathParam("id") long id) {
        return ImportJobView.of(jobs.cancel(id));
    }

    @POST
    @Path("{id: \\d+}/resume")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response resume(@PathParam("id") long id, @Context UriInfo uri) {
        return accepted(jobs.resume(id), uri);
    }

    @GET
    @Path("{id: \\d+}/report")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", PersonImportReport.XLSX})
    public Response report(@PathParam("id") long id, @QueryParam("first") @DefaultValue("0") int first,
                           @QueryParam("max") @DefaultValue("200") int max, @Context HttpHeaders headers) {
        Locale language = ProblemMapper.language(headers);
        if (PersonImportResource.accepts(headers, PersonImportReport.XLSX)) {
            PersonImportReport whole = ImportReportFiles.whole(jobs, id);
            StreamingOutput xlsx = out -> ImportReportFiles.writeXlsx(whole, language, out);
            return Response.ok(xlsx, ImportReportFiles.XLSX).header("Content-Disposition",
                    "attachment; filename=\"" + ImportReportFiles.xlsxName(id) + "\"").build();
        }
        if (PersonImportResource.accepts(headers, "text/csv")) {
            PersonImportReport whole = ImportReportFiles.whole(jobs, id);
            StreamingOutput csv = out -> ImportReportFiles.writeCsv(whole, language, out);
            return Response.ok(csv, ImportReportFiles.CSV).header("Content-Disposition",
                    "attachment; filename=\"" + ImportReportFiles.csvName(id) + "\"").build();
        }
        if (max > 1000) {
            throw ProblemException.invalid(FieldError.coded("max", "page.max", "max must be between 1 and 1000",
                    1000));
        }
        return Response.ok(jobs.report(id, first, max).saidBy(error -> ProblemTexts.message(error, language)),
                MediaType.APPLICATION_JSON).build();
    }

    private static Response accepted(ImportJob job, UriInfo uri) {
        return Response.accepted(ImportJobView.of(job))
                .location(uri.getBaseUriBuilder().path("imports").path(String.valueOf(job.getId())).build())
                .build();
    }

    private static ImportKind kind(String kind) {
        return switch (kind == null ? "" : kind.toLowerCase(Locale.ROOT)) {
            case "persons" -> ImportKind.PERSONS;
            case "doses" -> ImportKind.DOSES;
            default -> throw ProblemException.invalid(FieldError.coded("kind", "import.kind",
                    "kind is persons or doses"));
        };
    }

    private static ImportJob.Mode mode(String mode) {
        return switch (mode == null ? "" : mode.toLowerCase(Locale.ROOT)) {
            case "preview" -> ImportJob.Mode.PREVIEW;
            case "apply" -> ImportJob.Mode.APPLY;
            default -> throw ProblemException.invalid(FieldError.coded("mode", "import.mode",
                    "mode is preview or apply"));
        };
    }
}
