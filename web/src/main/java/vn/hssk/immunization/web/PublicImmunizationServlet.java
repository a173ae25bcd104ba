package vn.hssk.immunization.web;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;
import vn.hssk.immunization.CertificateService;
import vn.hssk.immunization.CertificateText;
import vn.hssk.immunization.CertificateToken;
import vn.hssk.immunization.PublicRateLimit;
import vn.hssk.shared.web.Language;
import vn.hssk.tenant.TenantCode;
import vn.hssk.tenant.TenantContext;
import vn.hssk.tenant.TenantEntry;
import vn.hssk.tenant.TenantRegistry;

/**
 * The public immunization page, outside {@code /api} and outside the login (web.xml leaves {@code /public/*}
 * unconstrained): {@code GET /public/certificates/{token}} tells whether a certificate is genuine and shows what it
 * shows. It is rate-limited per client address in the database, answers the same 404 for anything not found (no
 * enumeration), carries no database ids, and is audited by the service. The page is in Vietnamese, or in English with
 * {@code ?lang=en} (or when the screens were set to English). A citizen's own doses are in the citizen portal
 * ({@code /citizen/}), behind the national identity login.
 */
@WebServlet("/public/*")
public class PublicImmunizationServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PublicImmunizationServlet.class);
    static final int VERIFICATIONS_PER_MINUTE = 30;
    static final String CITIZEN_PORTAL = "/citizen/";

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
        CertificateText t = CertificateText.of(Locale.forLanguageTag(language(request)));
        if (content.isEmpty()) {
            if (html) {
                page(response, 404, t, "<h1 id=\"not-genuine\">" + esc(t.get("notGenuine")) + "</h1><p>"
                        + esc(t.get("notGenuine.text")) + "</p>");
            } else {
                json(response, 404, Json.createObjectBuilder().add("genuine", false).build());
            }
            return;
        }
        JsonObject c = content.get();
        if (html) {
            page(response, 200, t, certificatePage(c, t));
        } else {
            json(response, 200, Json.createObjectBuilder().add("genuine", true).add("certificate", c).build());
        }
    }

    /** The certificate as the public page shows it: what the PDF shows, the personal ID partly hidden. */
    private static String certificatePage(JsonObject c, CertificateText t) {
        StringBuilder doses = new StringBuilder();
        for (var d : c.getJsonArray("doses")) {
            JsonObject o = d.asJsonObject();
            doses.append("<tr class=\"dose\"><td>").append(esc(t.vaccineName(o))).append("</td><td>")
                    .append(esc(t.doseOf(o))).append("</td><td>")
                    .append(CertificateText.day(o.getString("givenOn", "")))
                    .append("</td><td>").append(esc(o.getString("lotNumber", "–"))).append("</td><td>")
                    .append(esc(o.getString("station", "–"))).append("</td></tr>");
        }
        String person = row(t.get("fullName"), "full-name", "<strong>" + esc(c.getString("fullName", "")) + "</strong>")
                + row(t.get("birthDate"), "birth-date", CertificateText.day(c.getString("birthDate", "")))
                + row(t.get("personalId"), "personal-id", esc(c.getString("personalId", t.get("personalId.none"))));
        String issued = row(t.get("issuedBy"), "issued-by", esc(c.getString("issuedBy", c.getString("province", ""))))
                + row(t.get("issuedOn"), "issued-on", CertificateText.day(c.getString("issuedOn", "")));
        StringBuilder head = new StringBuilder("<tr>");
        for (String h : new String[] {"dose.vaccine", "dose.number", "dose.givenOn", "dose.lot", "dose.station"}) {
            head.append("<th>").append(esc(t.get(h))).append("</th>");
        }
        return "<h1 id=\"genuine\">" + esc(t.get("genuine")) + "</h1><p>" + esc(t.get("genuine.text")) + "</p><p>"
                + esc(c.getString("province", "")) + " · " + esc(t.get("number")) + ": "
                + esc(c.getString("number", "")) + "</p><table cellpadding=\"4\">" + person + "</table>"
                + "<table id=\"doses\" border=\"1\" cellpadding=\"4\">" + head + "</tr>" + doses + "</table>"
                + "<table cellpadding=\"4\">" + issued + "</table>";
    }

    private static String row(String label, String id, String valueHtml) {
        return "<tr><th align=\"left\">" + esc(label) + "</th><td id=\"" + id + "\">" + valueHtml + "</td></tr>";
    }

    /** {@code ?lang=en}, else the language the screens were set to, else Vietnamese. */
    private static String language(HttpServletRequest request) {
        String asked = request.getParameter("lang");
        if (asked == null && request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (Language.COOKIE.equals(cookie.getName())) {
                    asked = cookie.getValue();
                }
            }
        }
        return Language.supported(asked);
    }

    /**
     * {@code POST /public/lookup} gave a citizen's doses to anyone who sent a personal ID and a date of birth, two facts
     * a neighbour knows. It is closed: 410, pointing to the citizen portal behind the national identity login.
     */
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (!path.equals("/lookup")) {
            problem(response, 404, null, "No such page");
            return;
        }
        problem(response, 410, null, "The look-up by personal ID and date of birth is closed: log in to "
                + CITIZEN_PORTAL + " with VNeID to see your vaccinations and your children's");
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

    private static void page(HttpServletResponse response, int status, CertificateText t, String body)
            throws IOException {
        response.setStatus(status);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        String other = t.isEnglish() ? "vi" : "en";
        response.getOutputStream().write(("<!DOCTYPE html><html lang=\"" + t.locale().getLanguage() + "\"><head>"
                + "<meta charset=\"UTF-8\"><title>" + esc(t.get("title")) + "</title></head><body>" + body
                + "<p><a id=\"other-language\" href=\"?lang=" + other + "\">" + esc(t.get("otherLanguage"))
                + "</a></p></body></html>").getBytes(StandardCharsets.UTF_8));
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
