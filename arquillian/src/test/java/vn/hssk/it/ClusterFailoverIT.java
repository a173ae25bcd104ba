package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.hssk.devstack.Cluster;
import vn.hssk.devstack.ClusterBalancer;
import vn.hssk.devstack.StackConfig;
import vn.hssk.devstack.WildFlyServer;

/**
 * The promise of the cluster (docs/production.md, "Cluster"): two nodes of the provisioned server, clustered by their
 * own JGroups and Infinispan, behind the balancer on port 8080. A station nurse works in the screens through the
 * balancer, an apply of 60,000 rows runs on the nurse's node, and scripts register persons through the balancer
 * without pause; then that node is killed with SIGKILL. The API answers again through the other node within seconds,
 * the nurse's page goes on (a search on it, with the view state made before the kill, and a new page, no new login),
 * no registration is written twice and every one answered 201 is stored, and the other node resumes the apply from
 * its last committed chunk once the dead node's heartbeat is stale, to the same result as an apply that never
 * stopped. Runs in its own profile ({@code mvn verify -Pcluster}): it needs port 8080 for the balancer, where the
 * rest of the suite runs Arquillian's server, and five minutes for the resumption.
 */
class ClusterFailoverIT {

    private static final String COMMUNE = "17931";
    private static final String STAFF = "cf-staff-17931";
    private static final int ROWS = 60_000;
    private static final int ERROR_EVERY = 1_000;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aNodeKilledUnderItsUsersLosesNoSessionNoImportAndNoWrite() throws Exception {
        System.setProperty("hssk.demo", "false");
        StackConfig config = StackConfig.fromSystemProperties().requireServer().requireEar();
        List<WildFlyServer> nodes = Cluster.nodes(config, 2);
        ClusterBalancer balancer = new ClusterBalancer(config, nodes);
        ExecutorService background = Executors.newSingleThreadExecutor();
        Browser browser = null;
        try {
            for (WildFlyServer node : nodes) {
                timed("start of " + node.name(), node::start);
            }
            timed("start of the balancer", balancer::start);

            Tenants.ensureBoth();
            String th = Keycloak.token("th-admin");
            long commune = Units.ensure(th, COMMUNE, "Xã Chịu Lỗi", "COMMUNE", "xa", 1);
            long village = Units.ensure(th, COMMUNE + "-01", "Thôn Hai Nút", "VILLAGE", "thon", commune);
            Keycloak.user(STAFF, "station-staff", "38", List.of(COMMUNE));
            String staff = Keycloak.token(STAFF);
            String unique = String.format("%06d", Math.floorMod(System.nanoTime(), 1_000_000L));

            browser = Browser.open();
            WebDriver d = browser.driver();
            browser.signIn(STAFF);
            d.findElement(By.id("menu-persons")).click();
            browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(
                    By.id("persons:table")));
            String route = route(d);
            WildFlyServer victim = nodes.stream().filter(n -> n.nodeName().equals(route)).findFirst()
                    .orElseThrow(() -> new AssertionError("the session cookie names no node: " + route));
            WildFlyServer survivor = nodes.stream().filter(n -> n != victim).findFirst().orElseThrow();

            String csv = ImportJobsIT.register(ROWS, COMMUNE, "Hai Nút", ERROR_EVERY);
            String tag = csv.split("\n")[1].split(",")[1].replaceAll(".* ", "");
            int valid = ROWS - ROWS / ERROR_EVERY;
            long job = startImport(victim.url() + "api/imports?kind=persons&mode=apply", staff, csv);
            JsonObject before = awaitRows(staff, job, 5_000);
            assertEquals("running", before.getString("state"), before::toString);

            Registrations registrations = new Registrations(staff, village, "Cụm Máy " + unique);
            Future<?> writing = background.submit(registrations);
            awaitCount(registrations.created, 5);

            long killed = System.nanoTime();
            Instant killedAt = Instant.now();
            victim.kill();
            double answeredAfter = awaitAnswer("/api/imports/" + job, staff, killed);
            int createdAtKill = registrations.created.get();
            awaitCount(registrations.created, createdAtKill + 20);
            registrations.stop.set(true);
            writing.get();
            report(String.format(Locale.ROOT, "%s killed; the API answered again through the balancer after %.1f s;"
                    + " %d registrations answered 201, %d failed during the failover", victim.name(), answeredAfter,
                    registrations.created.get(), registrations.failed.get()));

            // The page opened before the kill searches (a Faces post with its old view state), then a new page opens.
            long pageStart = System.nanoTime();
            WebElement query = d.findElement(By.id("search:query"));
            query.clear();
            query.sendKeys("cum may " + unique);
            d.findElement(By.id("search:find")).click();
            browser.waitUpTo(Browser.PAGE_WAIT).ignoring(StaleElementReferenceException.class).until(x ->
                    !x.findElements(By.cssSelector("[id='persons:table'] .person-name")).isEmpty());
            assertFalse(d.getCurrentUrl().startsWith(Browser.KEYCLOAK), d.getCurrentUrl());
            d.get(Browser.APP + "imports/jobs.xhtml");
            browser.waitUpTo(Browser.PAGE_WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("upload")));
            assertFalse(d.getCurrentUrl().startsWith(Browser.KEYCLOAK), "no new login: " + d.getCurrentUrl());
            assertEquals(survivor.nodeName(), route(d), "the session now lives on " + survivor.name());
            report(String.format(Locale.ROOT, "the screens' session went on at %s (%.1f s for the search and the"
                    + " next page)", survivor.name(), (System.nanoTime() - pageStart) / 1e9));

            for (Map.Entry<String, Integer> sent : registrations.outcomes.entrySet()) {
                int stored = count("SELECT COUNT(*) FROM hssk_t38.person WHERE personal_id = ?", sent.getKey());
                assertTrue(stored <= 1, "written twice: " + sent);
                if (sent.getValue() == 201) {
                    assertEquals(1, stored, "answered 201 but not stored: " + sent);
                }
            }

            JsonObject done = await(staff, job);
            report(String.format(Locale.ROOT, "import job %d resumed %.0f s after the kill, done after %.0f s: %s", job,
                    Duration.between(killedAt, Instant.parse(done.getString("runStartedAt"))).toMillis() / 1e3,
                    Duration.between(killedAt, Instant.parse(done.getString("finishedAt"))).toMillis() / 1e3, done));
            assertEquals("done", done.getString("state"), done::toString);
            assertEquals(2, done.getInt("runs"), done::toString);
            assertEquals(ROWS, done.getInt("rowsRead"), done::toString);
            assertEquals(valid, done.getInt("rowsNew"), done::toString);
            assertEquals(survivor.nodeName(), node(job), "resumed by the surviving node");
            assertEquals(valid, count("SELECT COUNT(*) FROM hssk_t38.person WHERE full_name LIKE ?", "% " + tag),
                    "every valid row is one person");
            assertEquals(valid, count("SELECT COUNT(DISTINCT personal_id) FROM hssk_t38.person WHERE full_name"
                    + " LIKE ?", "% " + tag), "none twice");
        } finally {
            background.shutdownNow();
            if (browser != null) {
                browser.close();
            }
            balancer.stop();
            nodes.forEach(WildFlyServer::stop);
        }
    }

    /** Registers persons through the balancer one after another, each with its own personal ID, until stopped. */
    private static final class Registrations implements Runnable {

        final Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicBoolean stop = new AtomicBoolean();
        private final String token;
        private final long village;
        private final String name;

        Registrations(String token, long village, String name) {
            this.token = token;
            this.village = village;
            this.name = name;
        }

        @Override
        public void run() {
            Instant until = Instant.now().plus(Duration.ofMinutes(5));
            for (int i = 0; !stop.get() && Instant.now().isBefore(until); i++) {
                String pid = People.pid("038", '1', 1990);
                String body = People.person(name + " " + i, "FEMALE", "1990-05-0" + (1 + i % 9), pid, village)
                        .build().toString();
                HttpRequest request = HttpRequest.newBuilder(URI.create(Http.APP + "/api/persons"))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
                int status;
                try {
                    status = CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (IOException e) {
                    status = -1;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                outcomes.put(pid, status);
                (status == 201 ? created : failed).incrementAndGet();
            }
        }
    }

    private static String route(WebDriver d) {
        Cookie session = d.manage().getCookieNamed("JSESSIONID");
        assertTrue(session != null && session.getValue().contains("."), "a session cookie with a route: " + session);
        return session.getValue().substring(session.getValue().lastIndexOf('.') + 1);
    }

    /** Seconds from {@code since} until a GET through the balancer answers 200. */
    private static double awaitAnswer(String path, String token, long since) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(until)) {
            try {
                if (Http.get(path, token).status() == 200) {
                    return (System.nanoTime() - since) / 1e9;
                }
            } catch (RuntimeException e) {
                // the balancer itself refused or reset: try again
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the API did not answer through the balancer within 2 minutes of the kill");
    }

    private static void awaitCount(AtomicInteger counter, int atLeast) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        while (counter.get() < atLeast) {
            assertTrue(Instant.now().isBefore(until), "only " + counter.get() + " of " + atLeast + " registrations");
            Thread.sleep(50);
        }
    }

    private static long startImport(String url, String token, String csv) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build();
        HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(202, r.statusCode(), r::body);
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject().getJsonNumber("id").longValue();
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
            Thread.sleep(1_000);
        }
    }

    private static String node(long job) throws Exception {
        try (Connection c = Tenants.root();
             PreparedStatement ps = c.prepareStatement("SELECT node FROM hssk_t38.import_job WHERE id = ?")) {
            ps.setLong(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
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

    private static void timed(String what, Runnable action) {
        long start = System.nanoTime();
        action.run();
        report(String.format(Locale.ROOT, "%s: %.1f s", what, (System.nanoTime() - start) / 1e9));
    }

    private static void report(String message) {
        System.out.println("[cluster-it] " + message);
    }
}
