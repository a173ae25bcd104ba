package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit API's filters for the province administrator's screen: by person, by user, by period and combined, paged
 * with a total count; refusals name the field; only province administrators ask. Commune 23011 belongs to this class.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditIT {

    private static final String COMMUNE = "23011";
    private static final String STAFF = "au-staff-23011";
    private static final String STAFF_2 = "au-staff2-23011";
    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) Math.floorMod(System.nanoTime(), 500_000L));
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static boolean usersMade;
    private static long village;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void communeVillageAndUsers() {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        long commune = RecordExportIT.unit(th, COMMUNE, "Xã Nhật Ký", "COMMUNE", "xa", 1);
        village = RecordExportIT.unit(th, COMMUNE + "-01", "Thôn Sổ Sách", "VILLAGE", "thon", commune);
        if (!usersMade) {
            Keycloak.user(STAFF, "station-staff", "38", List.of(COMMUNE));
            Keycloak.user(STAFF_2, "station-staff", "38", List.of(COMMUNE));
            usersMade = true;
        }
    }

    @Test
    void filtersByPersonUserAndPeriodCombineAndCount() {
        long id = register("Hoàng Văn Nhật Ký");
        String staff2 = Keycloak.token(STAFF_2);
        assertEquals(200, Http.get("/api/persons/" + id, staff2).status());
        assertEquals(200, Http.get("/api/persons/" + id, staff2).status());
        assertEquals(200, RecordExportIT.fetch("/api/persons/" + id + "/pdf", staff2).status());
        String admin = Keycloak.token("th-admin");
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1).toString();

        Page all = page("/api/audit?person=" + id, admin);
        assertEquals(4, all.total(), all::toString);
        assertEquals(4, all.lines().size());
        assertEquals("READ", all.lines().getJsonObject(0).getString("action"), "newest first");
        assertEquals("export-pdf", all.lines().getJsonObject(0).getString("context"));
        assertEquals("CREATE", all.lines().getJsonObject(3).getString("action"));

        Page second = page("/api/audit?person=" + id + "&first=1&max=2", admin);
        assertEquals(4, second.total(), "the count covers every page");
        assertEquals(2, second.lines().size());
        assertEquals(all.lines().getJsonObject(1).getInt("id"), second.lines().getJsonObject(0).getInt("id"));

        Page byBoth = page("/api/audit?person=" + id + "&user=" + STAFF_2, admin);
        assertEquals(3, byBoth.total(), byBoth::toString);
        Page today2 = page("/api/audit?person=" + id + "&user=" + STAFF_2 + "&from=" + today + "&to=" + today, admin);
        assertEquals(3, today2.total(), today2::toString);
        Page future = page("/api/audit?user=" + STAFF_2 + "&from=" + tomorrow, admin);
        assertEquals(0, future.total(), future::toString);
        Page periodOnly = page("/api/audit?from=" + today + "&max=500", admin);
        assertTrue(periodOnly.total() >= 4, periodOnly::toString);
    }

    @Test
    void refusalsNameTheFieldAndOnlyProvinceAdministratorsAsk() {
        long id = register("Đinh Thị Từ Chối");
        String admin = Keycloak.token("th-admin");
        Http.Answer badDay = Http.get("/api/audit?person=" + id + "&from=25/13/2026", admin);
        assertField(badDay, "from");
        assertEquals("date.format", badDay.error("from").getString("code"), "a day that does not exist, coded");
        assertEquals(200, Http.get("/api/audit?person=" + id + "&from=25/11/2026", admin).status(),
                "dd/MM/yyyy, as forms write it, is read too");
        assertField(Http.get("/api/audit?person=" + id + "&from=2026-11-25&to=2026-11-01", admin), "to");
        assertField(Http.get("/api/audit?person=" + id + "&max=0", admin), "max");
        assertField(Http.get("/api/audit", admin), "person");
        assertEquals(403, Http.get("/api/audit?person=" + id, Keycloak.token(STAFF)).status(), "station staff");
        assertEquals(403, Http.get("/api/audit?person=" + id, Keycloak.token("national-admin")).status(),
                "national administrator");
        Page other = page("/api/audit?person=" + id, Keycloak.token("ct-admin"));
        assertEquals(0, other.total(), "another province's trail does not hold this person");
    }

    private static void assertField(Http.Answer answer, String field) {
        assertEquals(400, answer.status(), answer::toString);
        assertTrue(answer.isProblem(), answer::toString);
        assertEquals(field, answer.json().getString("field"), answer::toString);
    }

    record Page(long total, JsonArray lines) {
    }

    private static Page page(String path, String token) {
        try {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(Http.APP + path))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r::body);
            return new Page(Long.parseLong(r.headers().firstValue("X-Total-Count").orElseThrow()),
                    Json.createReader(new StringReader(r.body())).readArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long register(String name) {
        int n = SEQUENCE.incrementAndGet();
        JsonObject body = Json.createObjectBuilder().add("fullName", name + " " + n).add("sex",
                name.contains("Thị") ? "FEMALE" : "MALE").add("birthDate", "1970-05-05").add("villageId", village)
                .add("personalId", "038" + (name.contains("Thị") ? '1' : '0') + "70" + String.format("%06d",
                        n % 1_000_000)).build();
        Http.Answer created = Http.post("/api/persons", Keycloak.token(STAFF), body);
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }
}
