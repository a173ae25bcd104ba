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
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.Function;
import vn.hssk.imports.ImportLimits;
import vn.hssk.imports.PersonFile;
import vn.hssk.imports.PersonImportReport;
import vn.hssk.imports.PersonImportService;
import vn.hssk.imports.web.ImportUploads;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.rest.ProblemMapper;
import vn.hssk.shared.web.ProblemTexts;

/**
 * Import of part-A resident lists by station staff: {@code mode=preview} writes nothing, {@code mode=apply} writes
 * all rows or none (unless {@code validOnly=true}). A CSV is UTF-8 unless {@code encoding=windows-1252|windows-1258}
 * says otherwise, and is decoded strictly. The body is streamed to a file (refused with 413 past
 * {@link ImportLimits#maxBytes()}, {@code hssk.import.max-bytes}), never held in memory, then read row by row; the
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
                                  @QueryParam("encoding") String encoding,
                                  @Context HttpHeaders headers) throws IOException {
        PersonFile.Format f = format(format, headers.getMediaType());
        PersonFile.Encoding e = PersonFile.Encoding.of(encoding);
        if (!"preview".equals(mode) && !"apply".equals(mode)) {
            throw ProblemException.invalid("mode", "mode is preview or apply");
        }
        if (headers.getLength() > ImportLimits.maxBytes()) {
            throw ImportLimits.tooLarge();
        }
        Locale language = ProblemMapper.language(headers);
        Function<FieldError, String> say = error -> ProblemTexts.message(error, language);
        PersonImportReport report;
        String stored = ImportUploads.store(body);
        try (InputStream file = ImportUploads.open(stored)) {
            report = "preview".equals(mode) ? imports.preview(file, f, e, mapping)
                    : imports.apply(file, f, e, mapping, validOnly);
        } catch (ProblemException refused) {
            if (refused.details() instanceof PersonImportReport rows) {
                refused.withDetails(rows.saidBy(say));
            }
            throw refused;
        } finally {
            ImportUploads.remove(stored);
        }
        if (accepts(headers, XLSX)) {
            StreamingOutput xlsx = out -> report.writeXlsx(out, say);
            return Response.ok(xlsx, XLSX)
                    .header("Content-Disposition", "attachment; filename=\"persons-import-report.xlsx\"").build();
        }
        StreamingOutput csv = out -> {
            java.io.Writer w = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
            report.writeCsv(w, say);
            w.flush();
        };
        return accepts(headers, "text/csv") ? Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"persons-import-report.csv\"").build()
                : Response.ok(report.saidBy(say), MediaType.APPLICATION_JSON).build();
    }

    static boolean accepts(HttpHeaders headers, String type) {
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(m -> type.equals(m.getType() + "/" + m.getSubtype()));
    }

    static PersonFile.Format format(String format, MediaType type) {
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
