package vn.hssk.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import vn.hssk.devstack.EmbeddedDatabase;
import vn.hssk.devstack.EmbeddedKeycloak;
import vn.hssk.devstack.StackConfig;
import vn.hssk.devstack.WildFlyServer;

/**
 * The FHIR Bulk Data export of a province at scale: the people and doses of {@link ImmunizationBench} (1,000,000
 * people, their children's routine doses) exported by a province administrator as Patient and Immunization NDJSON,
 * kick-off to manifest, then the Patient file downloaded. Baseline in the same run: the same rows read over JDBC into
 * one line of text each (what the database alone costs).
 */
final class FhirBench {

    private FhirBench() {
    }

    static void run() throws Exception {
        System.setProperty("hssk.demo", "false");
        StackConfig config = StackConfig.fromSystemProperties().requireServer().requireEar().requireKeycloakDist();
        BenchStack.wipe(config.workDir());
        EmbeddedDatabase db = new EmbeddedDatabase(config);
        EmbeddedKeycloak keycloak = new EmbeddedKeycloak(config);
        WildFlyServer wildfly = new WildFlyServer(config);
        try {
            db.start();
            keycloak.start();
            wildfly.start();
            BenchStack.onboard(BenchStack.token("national-admin"), "38", "Thanh Hóa", "th-admin");
            BenchStack.check(BenchStack.call("GET", "/api/schedule", BenchStack.token("th-admin"), null, null),
                    "schedule");
            String url = "jdbc:mariadb://localhost:" + config.dbPort() + "/hssk_t38?rewriteBatchedStatements=true";
            long t0 = System.nanoTime();
            try (Connection c = DriverManager.getConnection(url, "root", "")) {
                ImmunizationBench.load(c);
                try (Statement st = c.createStatement()) {
                    st.execute("ANALYZE TABLE person, immunization");
                }
            }
            long loadMs = BenchStack.ms(t0);

            long rows = 0;
            long chars = 0;
            t0 = System.nanoTime();
            try (Connection c = DriverManager.getConnection(url, "root", "");
                 Statement st = c.createStatement()) {
                for (String sql : new String[] {"SELECT p.id, p.full_name, p.sex, p.birth_date, p.personal_id,"
                        + " p.provisional_key, v.code, v.name FROM person p JOIN admin_unit v ON v.id = p.village_id",
                        "SELECT i.id, i.person_id, x.code, i.dose_number, i.given_on FROM immunization i"
                                + " JOIN vaccine x ON x.id = i.vaccine_id"}) {
                    st.setFetchSize(10_000);
                    try (ResultSet rs = st.executeQuery(sql)) {
                        int n = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            StringBuilder line = new StringBuilder();
                            for (int k = 1; k <= n; k++) {
                                line.append(rs.getString(k)).append('\t');
                            }
                            chars += line.length();
                            rows++;
                        }
                    }
                }
            }
            long baselineMs = BenchStack.ms(t0);

            String token = BenchStack.token("th-admin");
            t0 = System.nanoTime();
            HttpResponse<String> kickOff = BenchStack.HTTP.send(HttpRequest.newBuilder(URI.create(BenchStack.APP
                            + "/fhir/$export?_type=Patient,Immunization")).header("Authorization", "Bearer " + token)
                    .header("Prefer", "respond-async").build(), HttpResponse.BodyHandlers.ofString());
            if (kickOff.statusCode() != 202) {
                throw new IllegalStateException("kick-off: " + kickOff.statusCode() + " " + kickOff.body());
            }
            String status = kickOff.headers().firstValue("Content-Location").orElseThrow();
            JsonObject manifest = null;
            while (manifest == null) {
                Thread.sleep(2000);
                token = BenchStack.token("th-admin");
                HttpResponse<String> polled = BenchStack.HTTP.send(HttpRequest.newBuilder(URI.create(status))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                if (polled.statusCode() == 200) {
                    manifest = BenchStack.json(polled.body());
                } else if (polled.statusCode() != 202) {
                    throw new IllegalStateException("status: " + polled.statusCode() + " " + polled.body());
                }
            }
            long exportMs = BenchStack.ms(t0);
            long resources = 0;
            String patientUrl = null;
            for (JsonValue v : manifest.getJsonArray("output")) {
                JsonObject o = v.asJsonObject();
                resources += o.getJsonNumber("count").longValue();
                if ("Patient".equals(o.getString("type"))) {
                    patientUrl = o.getString("url");
                }
            }
            t0 = System.nanoTime();
            long bytes = 0;
            HttpResponse<InputStream> file = BenchStack.HTTP.send(HttpRequest.newBuilder(URI.create(patientUrl))
                    .header("Authorization", "Bearer " + BenchStack.token("th-admin")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = file.body()) {
                byte[] buffer = new byte[1 << 16];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    bytes += n;
                }
            }
            long downloadMs = BenchStack.ms(t0);

            System.out.println();
            System.out.println("== hssk FHIR bulk export benchmark: " + ImmunizationBench.PEOPLE + " people ("
                    + Runtime.getRuntime().availableProcessors() + " cores) ==");
            System.out.printf("bulk load of people and doses (JDBC): %d ms%n", loadMs);
            System.out.printf("baseline: the same %,d rows read over JDBC as text lines: %d ms = %,.0f rows/s"
                    + " (%,d chars)%n", rows, baselineMs, rows * 1000.0 / baselineMs, chars);
            System.out.printf("export job (kick-off to manifest, Patient + Immunization): %,d resources in %d ms"
                    + " = %,.0f resources/s (%.1f x the baseline's time)%n", resources, exportMs,
                    resources * 1000.0 / exportMs, exportMs / (double) baselineMs);
            System.out.printf("download of the Patient file: %,d bytes in %d ms = %,.1f MB/s%n", bytes, downloadMs,
                    bytes / 1e6 / (downloadMs / 1000.0));
        } finally {
            wildfly.stop();
            keycloak.stop();
            db.stop();
        }
    }
}
