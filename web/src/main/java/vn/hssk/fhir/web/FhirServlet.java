package vn.hssk.fhir.web;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.hssk.fhir.Fhir;
import vn.hssk.fhir.FhirExportService;
import vn.hssk.fhir.FhirInput;
import vn.hssk.fhir.FhirService;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.web.ProblemTexts;
import vn.hssk.shared.web.Problems;

/**
 * The FHIR R4 API under {@code /fhir}: {@code metadata}, read ({@code GET /fhir/Patient/38-5}), search
 * ({@code GET /fhir/Patient?name=...}, pages of {@value #DEFAULT_COUNT} with {@code next} links, {@code _count} up to
 * {@value #MAX_COUNT}), {@code Patient/{id}/$everything}, create ({@code POST /fhir/Patient},
 * {@code POST /fhir/Immunization}) and the Bulk Data export ({@code $export}, its status and files). JSON only
 * ({@code application/fhir+json}). Same bearer tokens as {@code /api} ({@link vn.hssk.shared.rest.BearerOnlyFilter});
 * every refusal is an {@code OperationOutcome} naming the element at fault, in Vietnamese when asked.
 */
@WebServlet(urlPatterns = "/fhir/*")
public class FhirServlet extends HttpServlet {

    public static final String FHIR_JSON = "application/fhir+json";
    static final int DEFAULT_COUNT = 50;
    static final int MAX_COUNT = 500;
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(FhirServlet.class);
    private static final Set<String> PAGING = Set.of("_count", "_offset", "_format");
    private static final int MAX_BODY = 1 << 20;

    @EJB
    private FhirService fhir;

    @EJB
    private FhirExportService exports;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String type = null;
        try {
            String path = request.getPathInfo() == null ? "" : request.getPathInfo();
            List<String> parts = new ArrayList<>();
            for (String p : path.split("/")) {
                if (!p.isEmpty()) {
                    parts.add(p);
                }
            }
            type = parts.isEmpty() ? null : parts.get(0);
            requireJson(request);
            route(request, response, parts);
        } catch (ProblemException e) {
            outcome(request, response, e.status(), e, type);
        } catch (EJBAccessException e) {
            outcome(request, response, 403, ProblemException.forbidden("Your role does not allow this operation"),
                    type);
        } catch (RuntimeException e) {
            ProblemException p = Problems.in(e).orElse(null);
            if (p != null) {
                outcome(request, response, p.status(), p, type);
            } else if (Problems.causedBy(e, EJBAccessException.class)) {
                outcome(request, response, 403,
                        ProblemException.forbidden("Your role does not allow this operation"), type);
            } else {
                String id = UUID.randomUUID().toString();
                LOG.errorf(e, "FHIR request %s %s failed (error id %s)", request.getMethod(), request.getRequestURI(),
                        id);
                outcome(request, response, 500, new ProblemException(500, null,
                        "The server could not answer; quote error id " + id), type);
            }
        }
    }

    private void route(HttpServletRequest request, HttpServletResponse response, List<String> parts)
            throws IOException {
        String method = request.getMethod();
        if (parts.isEmpty()) {
            throw ProblemException.notFound("Name a resource type: /fhir/Patient, /fhir/metadata");
        }
        String first = parts.get(0);
        if (parts.size() == 1 && "metadata".equals(first) && "GET".equals(method)) {
            write(response, 200, Capability.statement(base(request)));
            return;
        }
        if ("$export".equals(first) && parts.size() == 1 && ("GET".equals(method) || "POST".equals(method))) {
            BulkExport.kickOff(request, response, exports, base(request));
            return;
        }
        if ("$export-status".equals(first) && parts.size() == 2) {
            if ("DELETE".equals(method)) {
                exports.delete(parts.get(1));
                response.setStatus(202);
                return;
            }
            if ("GET".equals(method)) {
                BulkExport.status(response, exports, parts.get(1), base(request));
                return;
            }
        }
        if ("$export-file".equals(first) && parts.size() == 3 && "GET".equals(method)) {
            BulkExport.file(response, exports, parts.get(1), parts.get(2));
            return;
        }
        if (!FhirService.TYPES.contains(first)) {
            throw ProblemException.notFound("This server has no resource type " + first);
        }
        if (parts.size() == 1 && "GET".equals(method)) {
            search(request, response, first);
            return;
        }
        if (parts.size() == 1 && "POST".equals(method)) {
            JsonObject body = body(request);
            JsonObject made = switch (first) {
                case "Patient" -> fhir.createPatient(body);
                case "Immunization" -> fhir.createImmunization(body);
                default -> throw new ProblemException(405, null, "This server creates Patient and Immunization only");
            };
            response.setHeader("Location", base(request) + "/" + first + "/" + made.getString("id"));
            write(response, 201, made);
            return;
        }
        if (parts.size() == 2 && "GET".equals(method)) {
            write(response, 200, fhir.read(first, parts.get(1)));
            return;
        }
        if (parts.size() == 3 && "Patient".equals(first) && "$everything".equals(parts.get(2))
                && "GET".equals(method)) {
            int count = count(request);
            int offset = offset(request);
            FhirService.Page page = fhir.everything(parts.get(1), offset, count);
            write(response, 200, bundle(request, page, offset, count, "Patient/" + parts.get(1) + "/$everything",
                    Map.of()));
            return;
        }
        throw new ProblemException(405, null, method + " " + String.join("/", parts) + " is not supported here");
    }

    private void search(HttpServletRequest request, HttpServletResponse response, String type) throws IOException {
        Map<String, List<String>> params = new LinkedHashMap<>();
        Set<String> known = FhirService.SEARCH_PARAMS.getOrDefault(type, Set.of());
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            if (PAGING.contains(e.getKey())) {
                continue;
            }
            if (!known.contains(e.getKey())) {
                throw ProblemException.invalid(FieldError.coded(e.getKey(), "fhir.param", "The search parameter "
                        + e.getKey() + " is not supported for " + type + " (supported: " + String.join(", ", known)
                        + "; see /fhir/metadata)", e.getKey(), type, String.join(", ", known)));
            }
            params.put(e.getKey(), List.of(e.getValue()));
        }
        int count = count(request);
        int offset = offset(request);
        FhirService.Page page = fhir.search(type, params, offset, count);
        write(response, 200, bundle(request, page, offset, count, type, params));
    }

    private static int count(HttpServletRequest request) {
        String raw = request.getParameter("_count");
        if (raw == null) {
            return DEFAULT_COUNT;
        }
        try {
            int n = Integer.parseInt(raw.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Math.min(n, MAX_COUNT);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("_count", "_count is a whole number from 0 to " + MAX_COUNT);
        }
    }

    private static int offset(HttpServletRequest request) {
        String raw = request.getParameter("_offset");
        if (raw == null) {
            return 0;
        }
        try {
            int n = Integer.parseInt(raw.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("_offset", "_offset is a whole number from 0");
        }
    }

    private static JsonObject bundle(HttpServletRequest request, FhirService.Page page, int offset, int count,
                                     String path, Map<String, List<String>> params) {
        String base = base(request);
        JsonArrayBuilder links = Fhir.array()
                .add(link("self", base, path, params, offset, count));
        if (count > 0 && offset + count < page.total()) {
            links.add(link("next", base, path, params, offset + count, count));
        }
        if (offset > 0) {
            links.add(link("previous", base, path, params, Math.max(0, offset - count), count));
        }
        JsonArrayBuilder entries = Fhir.array();
        for (JsonObject r : page.resources()) {
            entries.add(Fhir.object()
                    .add("fullUrl", base + "/" + r.getString("resourceType") + "/" + r.getString("id"))
                    .add("resource", r)
                    .add("search", Fhir.object().add("mode", "match")));
        }
        JsonObjectBuilder b = Fhir.object()
                .add("resourceType", "Bundle")
                .add("type", "searchset")
                .add("total", page.total())
                .add("link", links);
        if (!page.resources().isEmpty()) {
            b.add("entry", entries);
        }
        return b.build();
    }

    private static JsonObjectBuilder link(String relation, String base, String path, Map<String, List<String>> params,
                                          int offset, int count) {
        StringBuilder url = new StringBuilder(base).append('/').append(path).append('?');
        params.forEach((k, values) -> values.forEach(v -> url.append(enc(k)).append('=').append(enc(v)).append('&')));
        url.append("_count=").append(count).append("&_offset=").append(offset);
        return Fhir.object().add("relation", relation).add("url", url.toString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String base(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        int at = url.indexOf(request.getContextPath() + "/fhir");
        return (at < 0 ? url : url.substring(0, at)) + request.getContextPath() + "/fhir";
    }

    /** A write names its body's type; a form, plain text or multipart body (what another site may send) is refused. */
    private static void requireJson(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"POST".equals(method) && !"PUT".equals(method) && !"PATCH".equals(method)) {
            return;
        }
        String type = request.getContentType() == null ? ""
                : request.getContentType().toLowerCase(Locale.ROOT).split(";")[0].strip();
        boolean bulkKickOff = request.getPathInfo() != null && request.getPathInfo().startsWith("/$export")
                && (type.isEmpty() || type.equals(FHIR_JSON) || type.equals("application/json"));
        if (!bulkKickOff && !type.equals(FHIR_JSON) && !type.equals("application/json")) {
            throw new ProblemException(415, null, "The body is " + FHIR_JSON + " (was " + (type.isEmpty()
                    ? "none" : type) + ")");
        }
    }

    private static JsonObject body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            throw new ProblemException(413, null, "A resource is at most " + MAX_BODY + " bytes");
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw new ProblemException(413, null, "A resource is at most " + MAX_BODY + " bytes");
        }
        if (parse(bytes) instanceof JsonObject resource) {
            return resource;
        }
        throw ProblemException.invalid("body", "The body is one FHIR resource (a JSON object)");
    }

    static void write(HttpServletResponse response, int status, JsonObject body) throws IOException {
        response.setStatus(status);
        response.setContentType(FHIR_JSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (OutputStream out = response.getOutputStream()) {
            out.write(body.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void outcome(HttpServletRequest request, HttpServletResponse response, int status,
                                ProblemException p, String type) throws IOException {
        if (response.isCommitted()) {
            LOG.warnf("FHIR answer already begun when it failed with %d: %s", status, p.getMessage());
            return;
        }
        boolean vietnamese = request.getLocales().hasMoreElements()
                && "vi".equals(request.getLocale().getLanguage());
        Locale locale = vietnamese ? Locale.forLanguageTag("vi") : Locale.ENGLISH;
        String code = switch (status) {
            case 400, 413, 415 -> "invalid";
            case 401 -> "login";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "not-supported";
            case 409 -> "conflict";
            default -> "exception";
        };
        JsonArrayBuilder issues = Fhir.array();
        List<FieldError> errors = p.errors();
        if (errors.isEmpty()) {
            issues.add(issue(code, p.getMessage(), null));
        } else {
            for (FieldError f : errors) {
                issues.add(issue(code, ProblemTexts.message(f, locale), FhirInput.element(type, f.field())));
            }
        }
        write(response, status, Fhir.object()
                .add("resourceType", "OperationOutcome")
                .add("issue", issues)
                .build());
    }

    private static JsonObjectBuilder issue(String code, String message, String element) {
        JsonObjectBuilder i = Fhir.object().add("severity", "error").add("code", code)
                .add("diagnostics", message == null ? "" : message);
        if (element != null) {
            i.add("expression", Fhir.array().add(element));
        }
        return i;
    }

    static JsonValue parse(byte[] bytes) {
        try (JsonReader reader = Json.createReader(new InputStreamReader(
                new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            return reader.readValue();
        } catch (JsonException e) {
            throw ProblemException.invalid("body", "The body is not JSON: " + e.getMessage());
        }
    }
}
