package vn.hssk.immunization.web;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import vn.hssk.immunization.CertificateService;
import vn.hssk.immunization.CertificateToken;
import vn.hssk.immunization.PublicRateLimit;
import vn.hssk.immunization.PublicRecord;
import vn.hssk.tenant.TenantCode;
import vn.hssk.tenant.TenantContext;
import vn.hssk.tenant.TenantEntry;
import vn.hssk.tenant.TenantRegistry;

/**
 * The public immunization pages, outside {@code /api} and outside the login (web.xml leaves {@code /public/*}
 * unconstrained): {@code GET /public/certificates/{token}} tells whether a certificate is genuine and shows what it
 * shows; {@code POST /public/lookup} ({@code personalId}, {@code birthDate} yyyy-MM-dd, as JSON or a form) gives a
 * citizen their doses and next due dose. Both are rate-limited per client address in the database, answer the same
 * 404 for anything not found (no enumeration), carry no database ids, and are audited by the service.
 */
@WebServlet("/public/*")
public class PublicImmunizationServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PublicImmunizationServlet.class);
    private static final Pattern PERSONAL_ID = Pattern.compile("\\d{12}");
    static final int VERIFICATIONS_PER_MINUTE = 30;
    static final int LOOKUPS_PER_MINUTE = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Inject
    private CertificateService certificates;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (!path.startsWith("/certificates/")) {
            problem(response, 404, null, "No such page");
            return;
        }
        if (!PublicRateLimit.allow("verify:" + request.getRemoteAddr(), VERIFICATIONS_PER_MINUTE)) {
            tooMany(response);
            return;
        }
        Optional<JsonObject> content = CertificateToken.parse(path.substring("/certificates/".length()))
                .flatMap(this::verify);
        boolean html = accepts(request, "text/html");
        if (content.isEmpty()) {
            if (html) {
                page(response, 404, "<h1 id=\"not-genuine\">Không xác thực được / Not genuine</h1><p>Giấy chứng nhận này không do hệ"
                        + " thống cấp hoặc đã bị sửa. This certificate was not issued by this system or was altered.</p>");
            } else {
                json(response, 404, Json.createObjectBuilder().add("genuine", false).build());
            }
            return;
        }
        JsonObject c = content.get();
        if (html) {
            StringBuilder doses = new StringBuilder();
            for (var d : c.getJsonArray("doses")) {
                JsonObject o = d.asJsonObject();
                doses.append("<tr><td>").append(esc(o.getString("vaccine"))).append("</td><td>")
                        .append(esc(o.getString("vaccineName"))).append("</td><td>").append(esc(o.getString("dose")))
                        .append("</td><td>").append(day(o.getString("givenOn"))).append("</td></tr>");
            }
            page(response, 200, "<h1 id=\"genuine\">Giấy chứng nhận hợp lệ / Genuine certificate</h1>"
                    + "<p>" + esc(c.getString("province")) + " · " + esc(c.getString("number")) + "</p>"
                    + "<p><strong>" + esc(c.getString("fullName")) + "</strong> · " + day(c.getString("birthDate"))
                    + "</p><table border=\"1\" cellpadding=\"4\"><tr><th>Vắc xin</th><th>Tên</th><th>Mũi</th>"
                    + "<th>Ngày tiêm</th></tr>" + doses + "</table><p>Ngày cấp / Issued: "
                    + day(c.getString("issuedOn")) + "</p>");
        } else {
            json(response, 200, Json.createObjectBuilder().add("genuine", true).add("certificate", c).build());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (!path.equals("/lookup")) {
            problem(response, 404, null, "No such page");
            return;
        }
        if (!PublicRateLimit.allow("lookup:" + request.getRemoteAddr(), LOOKUPS_PER_MINUTE)) {
            tooMany(response);
            return;
        }
        String personalId;
        String birth;
        String type = request.getContentType() == null ? "" : request.getContentType();
        if (type.startsWith("application/json")) {
            try (JsonReader reader = Json.createReader(request.getInputStream())) {
                JsonObject body = reader.readObject();
                personalId = body.getString("personalId", null);
                birth = body.getString("birthDate", null);
            } catch (RuntimeException e) {
                problem(response, 400, "personalId", "Send personalId and birthDate");
                return;
            }
        } else {
            personalId = request.getParameter("personalId");
            birth = request.getParameter("birthDate");
        }
        if (personalId == null || !PERSONAL_ID.matcher(personalId.strip()).matches()) {
            problem(response, 400, "personalId", "The personal ID has 12 digits");
            return;
        }
        LocalDate birthDate;
        try {
            birthDate = LocalDate.parse(birth == null ? "" : birth.strip());
        } catch (DateTimeParseException e) {
            problem(response, 400, "birthDate", "The date of birth is a date such as 2026-01-31");
            return;
        }
        Optional<PublicRecord.Lookup> found = lookup(personalId.strip(), birthDate);
        if (found.isEmpty()) {
            json(response, 404, Json.createObjectBuilder().add("found", false).build());
            return;
        }
        JsonArrayBuilder doses = Json.createArrayBuilder();
        found.get().doses().forEach(d -> doses.add(dose(d)));
        JsonObjectBuilder body = Json.createObjectBuilder().add("found", true).add("doses", doses);
        if (found.get().nextDue() != null) {
            body.add("nextDue", dose(found.get().nextDue()));
        }
        json(response, 200, body.build());
    }

    private Optional<JsonObject> verify(CertificateToken.Parts token) {
        if (!TenantCode.isValid(token.province())) {
            return Optional.empty();
        }
        Optional<TenantEntry> tenant = TenantRegistry.onPlatform().find(new TenantCode(token.province()))
                .filter(TenantEntry::isActive);
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        try {
            return TenantContext.callAs(tenant.get(), () -> certificates.verify(token));
        } catch (Exception e) {
            LOG.warn("A certificate verification failed", e);
            return Optional.empty();
        }
    }

    /** The personal ID is unique within a province; the person is looked for in each active province in turn. */
    private Optional<PublicRecord.Lookup> lookup(String personalId, LocalDate birthDate) {
        for (TenantEntry tenant : TenantRegistry.onPlatform().list()) {
            if (!tenant.isActive()) {
                continue;
            }
            try {
                Optional<PublicRecord.Lookup> found = TenantContext.callAs(tenant,
                        () -> certificates.lookup(personalId, birthDate));
                if (found.isPresent()) {
                    return found;
                }
            } catch (Exception e) {
                LOG.warnf(e, "A public look-up failed in province %s", tenant.code().value());
            }
        }
        return Optional.empty();
    }

    private static JsonObjectBuilder dose(PublicRecord.Dose d) {
        return Json.createObjectBuilder().add("vaccine", d.vaccine()).add("vaccineName", d.vaccineName())
                .add("dose", d.dose()).add("date", d.givenOn().toString());
    }

    private static boolean accepts(HttpServletRequest request, String type) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains(type);
    }

    private static void tooMany(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "60");
        problem(response, 429, null, "Too many requests; try again in a minute");
    }

    private static void problem(HttpServletResponse response, int status, String field, String detail)
            throws IOException {
        JsonObjectBuilder body = Json.createObjectBuilder().add("status", status).add("detail", detail);
        if (field != null) {
            body.add("field", field).add("errors", Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("field", field).add("message", detail)));
        }
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body.build().toString());
    }

    private static void json(HttpServletResponse response, int status, JsonObject body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body.toString());
    }

    private static void page(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"UTF-8\">"
                + "<title>hssk</title></head><body>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8));
    }

    /** A date of the certificate (ISO in its content) as Vietnamese forms write it, dd/MM/yyyy. */
    private static String day(String iso) {
        try {
            return DAY.format(LocalDate.parse(iso));
        } catch (DateTimeParseException e) {
            return esc(iso);
        }
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
