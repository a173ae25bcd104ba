package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replays what a page on another site can make a logged-in user's browser send: the screens' session cookie with
 * the content types a cross-site form or script may use without asking the server first (text/plain, form, multipart,
 * none), against every state-changing operation the OpenAPI document lists, so each new endpoint is covered as it is
 * added. The API takes bearer tokens only; each operation also refuses those content types when a token comes with
 * them (it declares what it consumes); and a Faces post from another site, or with another session's view state,
 * changes nothing while the same post from the user's own page does.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrossSiteRequestIT {

    private static final String EVIL = "http://evil.example";
    private static final String COMMUNE = "16471";
    private static final String STAFF = "st-csrf-16471";
    private static final List<String> CROSS_SITE_TYPES = List.of("text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=hssk");
    private static final Set<String> UNSAFE = Set.of("post", "put", "patch", "delete");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{[^}]+}");
    private static final HttpClient RAW = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static boolean usersMade;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void provinceCommuneAndStaff() {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        long commune = Units.commune(th, COMMUNE, "Xã Hoằng Thắng");
        Units.village(th, COMMUNE + "-01", "Thôn Thắng Một", commune);
        if (!usersMade) {
            Keycloak.user(STAFF, "station-staff", "38", List.of(COMMUNE));
            usersMade = true;
        }
    }

    @Test
    void everyStateChangingOperationRefusesTheSessionCookieFromAnotherSite() {
        List<Operation> operations = stateChangingOperations();
        assertTrue(operations.size() >= 50, "the OpenAPI document lists the API's writes: " + operations);
        WebSession session = WebSession.login("th-admin", "/");
        String attributes = session.sessionCookieHeader().toLowerCase(Locale.ROOT);
        assertTrue(attributes.contains("samesite=lax") && attributes.contains("httponly"),
                "a cross-site request does not carry the session cookie: " + attributes);
        String cookie = session.cookie();
        List<String> served = new ArrayList<>();
        for (Operation op : operations) {
            for (String type : withNone(CROSS_SITE_TYPES)) {
                HttpResponse<String> r = send(op.method(), op.url(), type, "x=1", Map.of("Cookie", cookie,
                        "Origin", EVIL, "Accept", "application/json"));
                if (r.statusCode() != 401) {
                    served.add(op + " as " + type + " -> " + r.statusCode() + " " + r.body());
                }
            }
        }
        assertEquals(List.of(), served, "the API served a request that carried only the session cookie");
        HttpResponse<String> one = send("POST", Http.APP + "/api/units", "text/plain", "{}",
                Map.of("Cookie", cookie, "Accept", "application/json"));
        assertEquals(401, one.statusCode());
        assertTrue(one.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                one::toString);
        assertTrue(one.body().contains("bearer"), one.body());
    }

    @Test
    void everyStateChangingOperationDeclaresWhatItConsumes() {
        String national = Keycloak.token("national-admin");
        String th = Keycloak.token("th-admin");
        List<String> accepted = new ArrayList<>();
        for (Operation op : stateChangingOperations()) {
            String token = op.path().startsWith("/api/tenants") ? national : th;
            for (String type : CROSS_SITE_TYPES) {
                HttpResponse<String> r = send(op.method(), op.url(), type, "x=1", Map.of(
                        "Authorization", "Bearer " + token, "Accept", "application/json"));
                if (r.statusCode() != 415) {
                    accepted.add(op + " as " + type + " -> " + r.statusCode() + " " + r.body());
                }
            }
        }
        assertEquals(List.of(), accepted, "operations that took a content type a cross-site form can send");
    }

    @Test
    void theReviewedAttacksChangeNothing() {
        String pid = People.pid("038", '0', 1981);
        String csv = "Họ và tên,Giới tính,Ngày sinh,Số định danh,Điện thoại,Mã thôn,Dân tộc\n"
                + "Trần Văn Lạ,Nam,05/03/1981," + pid + ",," + COMMUNE + "-01,Kinh\n";
        String imports = Http.APP + "/api/imports/persons?mode=apply&validOnly=true";
        String staffCookie = WebSession.login(STAFF, "/").cookie();
        String staff = Keycloak.token(STAFF);

        assertEquals(401, send("POST", imports, "text/plain", csv, Map.of("Cookie", staffCookie, "Origin", EVIL))
                .statusCode(), "a text/plain import with the session cookie");
        assertEquals(415, send("POST", imports, "text/plain", csv, Map.of("Authorization", "Bearer " + staff))
                .statusCode(), "an import as text/plain, even with a token");
        assertEquals(0, Http.get("/api/persons?q=" + pid, staff).jsonArray().size(), "nobody was created");
        Http.Answer real = Http.send(imports, staff, "text/csv", csv, "application/json");
        assertEquals(200, real.status(), "the same file sent by the staff's own script is imported: " + real);
        assertEquals(1, Http.get("/api/persons?q=" + pid, staff).jsonArray().size());

        String th = Keycloak.token("th-admin");
        String chair = "cc-csrf-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        assertEquals(201, Http.post("/api/accounts", th, Json.createObjectBuilder().add("username", chair)
                .add("email", chair + "@test.hssk.vn").add("role", "commune-chair")
                .add("communes", Json.createArrayBuilder().add(COMMUNE)).build()).status());
        String disable = Http.APP + "/api/accounts/" + chair + "/disable";
        String adminCookie = WebSession.login("th-admin", "/").cookie();
        assertEquals(401, send("POST", disable, "application/x-www-form-urlencoded", "",
                Map.of("Cookie", adminCookie, "Origin", EVIL)).statusCode());
        assertEquals(415, send("POST", disable, "application/x-www-form-urlencoded", "",
                Map.of("Authorization", "Bearer " + th)).statusCode());
        assertTrue(Keycloak.findUser(chair).getBoolean("enabled"), "the account is still enabled");

        String national = Keycloak.token("national-admin");
        String suspend = Http.APP + "/api/tenants/92/suspend";
        String nationalCookie = WebSession.login("national-admin", "/").cookie();
        assertEquals(401, send("POST", suspend, "text/plain", "{\"reason\":\"x\"}",
                Map.of("Cookie", nationalCookie, "Origin", EVIL)).statusCode());
        assertEquals(415, send("POST", suspend, "text/plain", "{\"reason\":\"x\"}",
                Map.of("Authorization", "Bearer " + national)).statusCode());
        assertEquals("ACTIVE", Http.get("/api/tenants/92", national).json().getString("status"));
    }

    @Test
    void aScreenPostFromAnotherSiteOrWithAnotherSessionsViewStateChangesNothing() {
        String th = Keycloak.token("th-admin");
        String chair = "cc-csrf-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        assertEquals(201, Http.post("/api/accounts", th, Json.createObjectBuilder().add("username", chair)
                .add("email", chair + "@test.hssk.vn").add("role", "commune-chair")
                .add("communes", Json.createArrayBuilder().add(COMMUNE)).build()).status());
        WebSession victim = WebSession.login("th-admin", "/province/accounts.xhtml");
        String page = victim.page("/province/accounts.xhtml");
        String button = "accounts:table:" + rowOf(page, chair) + ":disable";
        String attackersState = WebSession.viewState(
                WebSession.login("ct-admin", "/province/accounts.xhtml").page("/province/accounts.xhtml"));

        HttpResponse<String> fromElsewhere = facesPost(victim.cookie(), button, attackersState,
                Map.of("Origin", EVIL));
        assertEquals(403, fromElsewhere.statusCode(), "a post that names another origin is refused");
        HttpResponse<String> elsewhereOwnState = facesPost(victim.cookie(), button, WebSession.viewState(page),
                Map.of("Referer", EVIL + "/page.html"));
        assertEquals(403, elsewhereOwnState.statusCode(), "a post referred by another site is refused");
        facesPost(victim.cookie(), button, attackersState, Map.of());
        assertTrue(Keycloak.findUser(chair).getBoolean("enabled"),
                "another session's view state does not run the victim's action");

        HttpResponse<String> own = facesPost(victim.cookie(), button, WebSession.viewState(page),
                Map.of("Origin", Http.APP));
        assertEquals(200, own.statusCode(), own::body);
        assertFalse(Keycloak.findUser(chair).getBoolean("enabled"),
                "the same post from the user's own page disables the account (the attack's shape is right)");
    }

    /** The row index PrimeFaces gives the account's row: the {@code data-ri} of the row that shows its name. */
    private static int rowOf(String html, String username) {
        int at = html.indexOf(">" + username + "<");
        assertTrue(at > 0, "the account is listed: " + html);
        Matcher index = Pattern.compile("<tr data-ri=\"(\\d+)\"").matcher(html.substring(0, at));
        int row = -1;
        while (index.find()) {
            row = Integer.parseInt(index.group(1));
        }
        assertTrue(row >= 0, "the account's row has an index: " + html);
        return row;
    }

    private static HttpResponse<String> facesPost(String cookie, String button, String viewState,
                                                  Map<String, String> headers) {
        String form = String.join("&",
                "jakarta.faces.partial.ajax=true",
                "jakarta.faces.source=" + WebSession.enc(button),
                "jakarta.faces.partial.execute=" + WebSession.enc(button),
                "jakarta.faces.partial.render=accounts",
                WebSession.enc(button) + "=" + WebSession.enc(button),
                "accounts=accounts",
                "jakarta.faces.ViewState=" + WebSession.enc(viewState));
        Map<String, String> all = new HashMap<>(headers);
        all.put("Cookie", cookie);
        all.put("Faces-Request", "partial/ajax");
        return send("POST", Http.APP + "/province/accounts.xhtml", "application/x-www-form-urlencoded", form, all);
    }

    /** POST, PUT, PATCH and DELETE operations of the OpenAPI document, path parameters filled with 1. */
    private static List<Operation> stateChangingOperations() {
        HttpResponse<String> doc = send("GET", Http.APP + "/openapi?format=JSON", null, null,
                Map.of("Accept", "application/json"));
        assertEquals(200, doc.statusCode(), doc::body);
        JsonObject paths = Json.createReader(new StringReader(doc.body())).readObject()
                .getJsonObject("paths");
        List<Operation> operations = new ArrayList<>();
        for (String path : paths.keySet()) {
            for (String method : paths.getJsonObject(path).keySet()) {
                if (UNSAFE.contains(method)) {
                    String full = path.startsWith("/api/") ? path : "/api" + path;
                    operations.add(new Operation(method.toUpperCase(), full));
                }
            }
        }
        return operations;
    }

    private static List<String> withNone(List<String> types) {
        List<String> all = new ArrayList<>(types);
        all.add(null);
        return all;
    }

    private static HttpResponse<String> send(String method, String url, String contentType, String body,
                                             Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        headers.forEach(b::header);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null || contentType == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            return RAW.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Operation(String method, String path) {

        String url() {
            return Http.APP + PATH_PARAM.matcher(path).replaceAll("1");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
