package vn.hssk.fhir.web;

import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.hssk.fhir.Fhir;
import vn.hssk.fhir.FhirExport;
import vn.hssk.fhir.FhirExportService;
import vn.hssk.shared.ProblemException;

/**
 * The Bulk Data Access pattern over {@link FhirExportService}: the kick-off answers 202 with the status URL in
 * {@code Content-Location}; the status answers 202 with {@code X-Progress} while the job runs, then 200 with the
 * manifest (one NDJSON file per type, a bearer token required to fetch it), or 500 with an OperationOutcome when the
 * export failed for good.
 */
final class BulkExport {

    static final String NDJSON = "application/fhir+ndjson";
    private static final Set<String> FORMATS = Set.of(NDJSON, "application/ndjson", "ndjson");
    private static final int PARTS_PER_READ = 20;

    private BulkExport() {
    }

    static void kickOff(HttpServletRequest request, HttpServletResponse response, FhirExportService exports,
                        String base) {
        String format = request.getParameter("_outputFormat");
        if (format != null && !FORMATS.contains(format.strip())) {
            throw ProblemException.invalid("_outputFormat", "This server writes " + NDJSON + " only");
        }
        List<String> types = new ArrayList<>();
        String[] typeParams = request.getParameterValues("_type");
        if (typeParams != null) {
            for (String t : typeParams) {
                for (String one : t.split(",")) {
                    if (!one.isBlank()) {
                        types.add(one.strip());
                    }
                }
            }
        }
        Instant since = null;
        String sinceParam = request.getParameter("_since");
        if (sinceParam != null) {
            try {
                since = OffsetDateTime.parse(sinceParam.strip()).toInstant();
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("_since", "_since is an instant with its offset"
                        + " (2026-12-01T00:00:00+07:00): " + sinceParam);
            }
        }
        long id = exports.kickOff(types, since);
        response.setStatus(202);
        response.setHeader("Content-Location", base + "/$export-status/" + id);
    }

    static void status(HttpServletResponse response, FhirExportService exports, String id, String base)
            throws IOException {
        FhirExportService.Status status = exports.status(id);
        FhirExport export = status.export();
        if (export.getState() == FhirExport.State.FAILED) {
            throw new ProblemException(500, null, "The export failed after " + export.getAttempts() + " runs: "
                    + export.getError());
        }
        if (export.getState() != FhirExport.State.DONE) {
            response.setStatus(202);
            response.setHeader("X-Progress", export.getState().name().toLowerCase() + ": "
                    + export.getResources() + " resources written");
            response.setHeader("Retry-After", "2");
            return;
        }
        JsonArrayBuilder output = Fhir.array();
        for (FhirExportService.Output o : status.output()) {
            output.add(Fhir.object().add("type", o.type())
                    .add("url", base + "/$export-file/" + export.getId() + "/" + o.type())
                    .add("count", o.count()));
        }
        StringBuilder request = new StringBuilder(base).append("/$export?_type=")
                .append(String.join(",", export.getTypes()));
        if (export.getSince() != null) {
            request.append("&_since=").append(export.getSince());
        }
        byte[] body = Fhir.object()
                .add("transactionTime", export.getTransactionTime().truncatedTo(ChronoUnit.MILLIS).toString())
                .add("request", request.toString())
                .add("requiresAccessToken", true)
                .add("output", output)
                .add("error", Fhir.array())
                .build().toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }

    /** Streams a file part by part, a few parts in memory at a time. */
    static void file(HttpServletResponse response, FhirExportService exports, String id, String type)
            throws IOException {
        List<FhirExportService.Part> parts = exports.parts(id, type, 0, PARTS_PER_READ);
        response.setStatus(200);
        response.setContentType(NDJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (OutputStream out = response.getOutputStream()) {
            while (!parts.isEmpty()) {
                for (FhirExportService.Part p : parts) {
                    out.write(p.content().getBytes(StandardCharsets.UTF_8));
                }
                if (parts.size() < PARTS_PER_READ) {
                    break;
                }
                parts = exports.parts(id, type, parts.get(parts.size() - 1).id(), PARTS_PER_READ);
            }
        }
    }
}
