package vn.hssk.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/** What the benchmarks share: a wiped work folder, real tokens, HTTP calls and percentiles. */
final class BenchStack {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String APP = "http://localhost:" + System.getProperty("hssk.app.port", "8080");
    static final String KEYCLOAK = "http://localhost:" + System.getProperty("hssk.keycloak.port", "8180");

    private BenchStack() {
    }

    static void wipe(Path dir) throws IOException {
        if (!dir.toString().contains("/target/")) {
            throw new IllegalStateException("Refusing to wipe " + dir + ": not under a target folder");
        }
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static String token(String username) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=hssk-cli&username=" + username + "&password=demo";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                        URI.create(KEYCLOAK + "/realms/hssk/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return json(r.body()).getString("access_token");
    }

    static HttpResponse<String> call(String method, String path, String token, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(APP + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject onboard(String token, String code, String name, String admin)
            throws IOException, InterruptedException {
        String body = Json.createObjectBuilder().add("code", code).add("name", name).add("adminUsername", admin)
                .add("adminEmail", admin + "@bench.hssk.vn").build().toString();
        HttpResponse<String> r = call("POST", "/api/tenants", token, "application/json", body);
        if (r.statusCode() != 201) {
            throw new IllegalStateException("Onboarding " + code + " answered " + r.statusCode() + ": " + r.body());
        }
        return json(r.body());
    }

    static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    /** Stops the benchmark when a call did not succeed, with what the server answered. */
    static HttpResponse<String> check(HttpResponse<String> r, String what) {
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + " answered " + r.statusCode() + ": "
                    + r.body().substring(0, Math.min(500, r.body().length())));
        }
        return r;
    }

    /** Milliseconds since {@code t0}, a {@link System#nanoTime()}. */
    static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /**
     * Times {@code calls} GETs of {@code path.apply(i)} as the user, after {@code warmUps} untimed ones; every series
     * starts with a fresh token, so a slow series does not outlast it.
     */
    static List<Long> time(String username, int warmUps, int calls, IntFunction<String> path)
            throws IOException, InterruptedException {
        String token = token(username);
        for (int i = 0; i < warmUps; i++) {
            String p = path.apply(i);
            check(call("GET", p, token, null, null), p);
        }
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            String p = path.apply(i);
            long t0 = System.nanoTime();
            check(call("GET", p, token, null, null), p);
            ms.add(ms(t0));
        }
        return ms;
    }

    static long pct(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Stops the stack also when the run is interrupted (a timeout's signal), so no server keeps the ports. */
    static void stop(vn.hssk.devstack.WildFlyServer wildfly, vn.hssk.devstack.EmbeddedKeycloak keycloak,
                     vn.hssk.devstack.EmbeddedDatabase db) {
        try {
            wildfly.stop();
        } catch (RuntimeException e) {
            System.err.println("stopping WildFly: " + e);
        }
        try {
            keycloak.stop();
        } catch (RuntimeException e) {
            System.err.println("stopping Keycloak: " + e);
        }
        try {
            db.stop();
        } catch (RuntimeException e) {
            System.err.println("stopping MariaDB: " + e);
        }
    }

    /** A unit file of {@code communes} communes (codes from 20000) with {@code villages} villages each. */
    static String codeList(int communes, int villages, String communeName) {
        StringBuilder csv = new StringBuilder("code,name,type,parent_code\n");
        for (int c = 0; c < communes; c++) {
            String commune = String.valueOf(20_000 + c);
            csv.append(commune).append(",Xã ").append(communeName).append(' ').append(c).append(",xã,38\n");
            for (int v = 1; v <= villages; v++) {
                csv.append(commune).append('-').append(v).append(",Thôn ").append(v).append(" xã ").append(c)
                        .append(",thôn,").append(commune).append('\n');
            }
        }
        return csv.toString();
    }

    /** A root connection to one schema of the embedded database, with the driver's batch rewriting. */
    static java.sql.Connection root(int port, String schema) throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection("jdbc:mariadb://localhost:" + port + "/" + schema
                + "?rewriteBatchedStatements=true", "root", "");
    }

    /** The ids of the province's villages, in id order. */
    static List<Long> villageIds(java.sql.Connection c) throws java.sql.SQLException {
        List<Long> villages = new ArrayList<>();
        try (java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT id FROM admin_unit WHERE level = 'VILLAGE' ORDER BY id")) {
            while (rs.next()) {
                villages.add(rs.getLong(1));
            }
        }
        return villages;
    }

    /**
     * A second, provisional record for {@code n} residents of the commune (same name and date of birth, no personal
     * ID), written in one statement so that the triggers pair each with its first record, as an import would.
     */
    static int plantDuplicates(java.sql.Connection c, String schema, String commune, int n)
            throws java.sql.SQLException {
        try (java.sql.Statement st = c.createStatement()) {
            return st.executeUpdate("INSERT INTO " + schema + ".person (full_name, full_name_folded, sex, birth_date,"
                    + " village_id, provisional_key, created_at, created_by) SELECT p.full_name, p.full_name_folded,"
                    + " p.sex, p.birth_date, p.village_id, CONCAT('bench-duplicate-', p.id), NOW(3), 'bench'"
                    + " FROM " + schema + ".person p JOIN " + schema + ".admin_unit v ON v.id = p.village_id"
                    + " JOIN " + schema + ".admin_unit c ON c.id = v.parent_id WHERE c.code = '" + commune
                    + "' ORDER BY p.id LIMIT " + n);
        }
    }

    /** A quota for this year for every village of the province's schema on {@code c}, {@code people} over them. */
    static void quotas(java.sql.Connection c, int people) throws java.sql.SQLException {
        List<Long> villages = villageIds(c);
        int year = java.time.LocalDate.now().getYear();
        try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO village_quota (village_id, year,"
                + " population, quota, created_at, created_by) VALUES (?, ?, ?, ?, NOW(3), 'bench')")) {
            for (long v : villages) {
                ps.setLong(1, v);
                ps.setInt(2, year);
                ps.setInt(3, people / villages.size() + 100);
                ps.setInt(4, people / villages.size() + 100);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * A user of realm hssk with the benchmarks' password, made through Keycloak's admin API as the integration tests
     * make theirs: a realm role, the province ({@code tenant}) and the communes it works in.
     */
    static void user(String username, String role, String tenant, List<String> communes)
            throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
        String admin = json(HTTP.send(HttpRequest.newBuilder(
                        URI.create(KEYCLOAK + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString())
                .body()).getString("access_token");
        String base = KEYCLOAK + "/admin/realms/hssk";
        jakarta.json.JsonObjectBuilder attributes = Json.createObjectBuilder().add("tenant",
                Json.createArrayBuilder().add(tenant));
        if (!communes.isEmpty()) {
            jakarta.json.JsonArrayBuilder codes = Json.createArrayBuilder();
            communes.forEach(codes::add);
            attributes.add("communes", codes);
        }
        String user = Json.createObjectBuilder().add("username", username).add("email", username + "@bench.hssk.vn")
                .add("enabled", true).add("emailVerified", true).add("attributes", attributes)
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "password")
                        .add("value", "demo").add("temporary", false))).build().toString();
        check(keycloakAdmin("POST", base + "/users", admin, user), "creating user " + username);
        String id = Json.createReader(new StringReader(check(keycloakAdmin("GET", base + "/users?exact=true&username="
                + username, admin, null), "user").body())).readArray().getJsonObject(0).getString("id");
        String roleRep = check(keycloakAdmin("GET", base + "/roles/" + role, admin, null), "role " + role).body();
        check(keycloakAdmin("POST", base + "/users/" + id + "/role-mappings/realm", admin, "[" + roleRep + "]"),
                "granting " + role);
    }

    private static HttpResponse<String> keycloakAdmin(String method, String url, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The WildFly process the stack started (the one running jboss-modules from our provisioned server). */
    static long wildflyPid() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("jboss-modules.jar")).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst()
                .orElseThrow(() -> new IllegalStateException("No WildFly process found"));
    }


    /** Samples the used heap of a JVM with {@code jstat -gc} every 200 ms and keeps the peak. */
    static final class HeapSampler {

        private final long pid;
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running;
        private Thread thread;

        HeapSampler(long pid) {
            this.pid = pid;
        }

        long pid() {
            return pid;
        }

        long sample() throws IOException, InterruptedException {
            Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
            Process p = new ProcessBuilder(jstat.toString(), "-gc", String.valueOf(pid)).start();
            List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .toList();
            p.waitFor();
            if (lines.size() < 2) {
                return 0;
            }
            List<String> head = List.of(lines.get(0).trim().split("\\s+"));
            String[] values = lines.get(1).trim().split("\\s+");
            double kb = 0;
            for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                kb += Double.parseDouble(values[head.indexOf(column)]);
            }
            return (long) kb;
        }

        void start() {
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    try {
                        long kb = sample();
                        peak.accumulateAndGet(kb, Math::max);
                        Thread.sleep(200);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long peakKb() {
            return peak.get();
        }
    }
}
