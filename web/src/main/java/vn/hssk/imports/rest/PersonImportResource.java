package vn.hssk.imports.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.Function;
import vn.hssk.imports.PersonFile;
import vn.hssk.imports.PersonImportReport;
import vn.hssk.imports.PersonImportService;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.rest.ProblemMapper;
import vn.hssk.shared.web.ProblemTexts;

/**
 * Import of part-A resident lists by station staff: {@code mode=preview} writes nothing, {@code mode=apply} writes
 * all rows or none (unless {@code validOnly=true}). The body is handed on as a stream, never buffered whole; the
 * row report comes as JSON, as CSV for {@code Accept: text/csv}, or as XLSX for the XLSX media type, its row messages
 * in English or, asked with {@code Accept-Language: vi}, Vietnamese (as the problems of {@link ProblemMapper}).
 */
@Path("/imports/persons")
public class PersonImportResource {

    public static final String XLSX = PersonImportReport.XLSX;

    @Inject
    private PersonImportService imports;

    @POST
    @Consumes({"text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @Produces({MediaType.APPLICATION_JSON, "text/csv", XLSX})
    public Response importPersons(InputStream body, @QueryParam("mode") @DefaultValue("preview") String mode,
                                  @QueryParam("validOnly") @DefaultValue("false") boolean validOnly,
                                  @QueryParam("mapping") String mapping, @QueryParam("format") String format,
                                  @Context HttpHeaders headers) {
        PersonFile.Format f = format(format, headers.getMediaType());
        Locale language = ProblemMapper.language(headers);
        Function<FieldError, String> say = error -> ProblemTexts.message(error, language);
        PersonImportReport report;
        try {
            report = switch (mode) {
                case "preview" -> imports.preview(body, f, mapping);
                case "apply" -> imports.apply(body, f, mapping, validOnly);
                default -> throw ProblemException.invalid("mode", "mode is preview or apply");
            };
        } catch (ProblemException refused) {
            if (refused.details() instanceof PersonImportReport rows) {
                refused.withDetails(rows.saidBy(say));
            }
            throw refused;
        }
        if (accepts(headers, XLSX)) {
            StreamingOutput xlsx = out -> report.writeXlsx(out, say);
            return Response.ok(xlsx, XLSX)
                    .header("Content-Disposition", "attachment; filename=\"persons-import-report.xlsx\"").build();
        }
        return accepts(headers, "text/csv") ? Response.ok(report.toCsv(say), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"persons-import-report.csv\"").build()
                : Response.ok(report.saidBy(say), MediaType.APPLICATION_JSON).build();
    }

    private static boolean accepts(HttpHeaders headers, String type) {
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(m -> type.equals(m.getType() + "/" + m.getSubtype()));
    }

    private static PersonFile.Format format(String format, MediaType type) {
        if (format != null && !format.isBlank()) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "csv" -> PersonFile.Format.CSV;
                case "xlsx" -> PersonFile.Format.XLSX;
                default -> throw ProblemException.invalid("format", "format is csv or xlsx");
            };
        }
        return type != null && XLSX.equals(type.getType() + "/" + type.getSubtype()) ? PersonFile.Format.XLSX
                : PersonFile.Format.CSV;
    }
}
