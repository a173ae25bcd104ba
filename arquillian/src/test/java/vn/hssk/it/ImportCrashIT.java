package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.hssk.devstack.StackConfig;
import vn.hssk.devstack.WildFlyServer;

/**
 * The promise of import jobs under the worst failure: a second node (its own WildFly on ports +200, the same
 * database and Keycloak as the test server) runs a 100,000-row apply and is killed with SIGKILL in the middle of it.
 * What it committed is exactly what its counters say; started again, it resumes the job by itself from the last
 * committed chunk, and at the end every valid row is one person, none twice, with a complete report. The job's
 * progress is read through the test server, the other node, as any node of a cluster can report it; the two nodes do
 * form a cluster (the second finds the test server's JGroups port 7600 in the default member list).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImportCrashIT {

    private static final String COMMUNE = "17921";
    private static final String STAFF = "ic-staff-17921";
    private static final int ROWS = 100_000;
    private static final int ERROR_EVERY = 1_000;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void aServerKilledInTheMiddleOfAnApplyResumesItWithoutDuplicatesOrLostRows() throws Exception {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        long commune = Units.ensure(th, COMMUNE, "Xã Sự Cố", "COMMUNE", "xa", 1);
        Units.ensure(th, COMMUNE + "-01", "Thôn Chịu Đựng", "VILLAGE", "thon", commune);
        Keycloak.user(STAFF, "station-staff", "38", List.of(COMMUNE));
        String csv = ImportJobsIT.register(ROWS, COMMUNE, "Chịu Đựng", ERROR_EVERY);
        String tag = csv.split("\n")[1].split(",")[1].replaceAll(".* ", "");
        int valid = ROWS - ROWS / ERROR_EVERY;

        System.setProperty("hssk.demo", "false");
        Properties props = new Properties();
        props.putAll(System.getProperties());
        props.setProperty("hssk.work.dir", Path.of(System.getProperty("hssk.work.dir", "target/it-stack"))
                .resolveSibling("crash-node").toString());
        props.setProperty("hssk.app.port", "8280");
        WildFlyServer node = new WildFlyServer(StackConfig.from(props), "crash-node");
        String other = "http://localhost:8280";
        try {
            node.start();
            String staff = Keycloak.token(STAFF);
            JsonObject started = json(send(other + "/api/imports?kind=persons&mode=apply", staff, csv));
            long id = started.getJsonNumber("id").longValue();

            JsonObject before = awaitRows(staff, id, 20_000);
            assertEquals("running", before.getString("state"), before::toString);
            node.kill();

            JsonObject atCrash = Http.get("/api/imports/" + id, staff).json();
            assertEquals("running", atCrash.getString("state"), "a killed node could not say anything: " + atCrash);
            assertTrue(atCrash.getInt("rowsRead") < ROWS, "killed in the middle: " + atCrash);
            assertEquals(atCrash.getInt("rowsNew"), count("SELECT COUNT(*) FROM hssk_t38.person WHERE full_name"
                    + " LIKE ?", "% " + tag), "the committed chunks are exactly what the job counted");

            node.start();
            JsonObject done = await(staff, id);
            assertEquals("done", done.getString("state"), done::toString);
            assertEquals(2, done.getInt("runs"), done::toString);
            assertEquals(ROWS, done.getInt("rowsRead"), done::toString);
            assertEquals(valid, done.getInt("rowsNew"), done::toString);
            assertEquals(ROWS / ERROR_EVERY, done.getInt("rowsError"), done::toString);
            assertEquals(valid, count("SELECT COUNT(*) FROM hssk_t38.person WHERE full_name LIKE ?", "% " + tag),
                    "every valid row is one person");
            assertEquals(valid, count("SELECT COUNT(DISTINCT personal_id) FROM hssk_t38.person WHERE full_name"
                    + " LIKE ?", "% " + tag), "none twice");
            assertEquals(ROWS / ERROR_EVERY, count("SELECT COUNT(*) FROM hssk_t38.import_job_row WHERE job_id = "
                    + id + " AND outcome = ?", "ERROR"), "the report lists every refused row");
            assertEquals(valid, count("SELECT COUNT(*) FROM hssk_t38.audit_event a JOIN hssk_t38.person p ON p.id ="
                    + " a.entity_id WHERE a.entity_type = 'Person' AND a.action = 'CREATE' AND p.full_name LIKE ?",
                    "% " + tag), "every creation audited once");
        } finally {
            node.stop();
        }
    }

    private static JsonObject awaitRows(String token, long id, int rows) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMinutes(5));
        while (true) {
            JsonObject job = Http.get("/api/imports/" + id, token).json();
            if (job.getInt("rowsRead") >= rows || !List.of("queued", "running").contains(job.getString("state"))
                    || Instant.now().isAfter(until)) {
                return job;
            }
            Thread.sleep(100);
        }
    }

    private static JsonObject await(String token, long id) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMinutes(10));
        while (true) {
            JsonObject job = Http.get("/api/imports/" + id, token).json();
            if (!List.of("queued", "running", "stopping").contains(job.getString("state"))
                    || Instant.now().isAfter(until)) {
                return job;
            }
            Thread.sleep(500);
        }
    }

    private static HttpResponse<String> send(String url, String token, String csv) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build();
        HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(202, r.statusCode(), r::body);
        return r;
    }

    private static JsonObject json(HttpResponse<String> r) {
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    private static int count(String sql, String arg) throws Exception {
        try (Connection c = Tenants.root(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
