package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A national administrator places provinces on the second database server and moves a province there: the copy is
 * checked table by table (counts and checksums on both servers), the registry switches, the data reads and writes on
 * the second server and the old copy is gone; the province's writes pause for a moment only, another province's never.
 * A move that fails halfway leaves the province where it was, writable, and resumes to the same end.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProvinceMoveIT {

    private static final String SECOND = "second";
    private static final int HISTORY_ROWS = 100_000;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void onboardingPlacesAProvinceOnTheNamedServerAndRefusesAnUnknownOne() throws Exception {
        String national = Keycloak.token("national-admin");
        Http.Answer unknown = Http.post("/api/tenants", national, Json.createObjectBuilder(
                Tenants.request("56", "Khánh Hòa", "kh-admin")).add("dbServer", "nowhere").build());
        assertEquals(400, unknown.status(), unknown::toString);
        assertTrue(unknown.isProblem(), unknown::toString);
        assertEquals("server.unknown", unknown.error("dbServer").getString("code"), unknown::toString);
        assertFalse(Tenants.schemaExists("56"));

        Http.Answer created = Http.post("/api/tenants", national, Json.createObjectBuilder(
                Tenants.request("56", "Khánh Hòa", "kh-admin")).add("dbServer", SECOND).build());
        assertEquals(201, created.status(), created::toString);
        assertEquals(SECOND, Http.get("/api/tenants/56", national).json().getString("dbServer"));
        assertFalse(Tenants.schemaExists("56"), "nothing of province 56 on the default server");
        assertEquals(1L, onSecond("SELECT COUNT(*) FROM hssk_t56.admin_unit"));

        Keycloak.user("kh-padmin", "province-admin", "56", null);
        String admin = Keycloak.token("kh-padmin");
        long commune = Units.commune(admin, "56001", "Xã Máy Hai");
        assertTrue(commune > 0);
        assertEquals(1L, onSecond("SELECT COUNT(*) FROM hssk_t56.admin_unit WHERE code = '56001'"));
    }

    @Test
    void aProvinceMovesWithEqualCountsAndChecksumsPausingOnlyItsOwnWrites() throws Exception {
        String national = Keycloak.token("national-admin");
        Tenants.ensure("46", "Huế", "hue-admin");
        Tenants.ensure("51", "Quảng Ngãi", "qng-admin");
        Province hue = Province.withData("46", "hue", 6);
        Province other = Province.withData("51", "qng", 1);
        long dose = hue.dose();
        // A history worth measuring: 100,000 audit lines of earlier reads, as a busy province gathers in weeks.
        try (Connection root = Tenants.root(); PreparedStatement insert = root.prepareStatement(
                "INSERT INTO hssk_t46.audit_event (occurred_at, username, roles, tenant, action, entity_type, entity_id,"
                        + " context, client_address) VALUES (?, 'hue-staff', 'station-staff', '46', 'READ', 'Person',"
                        + " ?, 'earlier reads', '10.0.0.1')")) {
            root.setAutoCommit(false);
            Timestamp start = Timestamp.valueOf(LocalDate.now().minusDays(30).atStartOfDay());
            for (int i = 1; i <= HISTORY_ROWS; i++) {
                insert.setTimestamp(1, new Timestamp(start.getTime() + i * 1000L));
                insert.setLong(2, i % 97);
                insert.addBatch();
                if (i % 5000 == 0) {
                    insert.executeBatch();
                    root.commit();
                }
            }
        }

        // Only a national administrator moves a province, with a bearer token, to a server that exists.
        Keycloak.user("hue-padmin2", "province-admin", "46", null);
        assertEquals(403, Http.post("/api/tenants/46/move", Keycloak.token("hue-padmin2"), to(SECOND)).status());
        assertEquals(403, Http.post("/api/tenants/46/move", hue.staffToken(), to(SECOND)).status());
        Http.Answer anonymous = Http.post("/api/tenants/46/move", null, to(SECOND));
        assertTrue(anonymous.status() == 401 || anonymous.status() == 403, anonymous::toString);
        assertField(Http.post("/api/tenants/46/move", national, Json.createObjectBuilder().build()), "toServer");
        assertField(Http.post("/api/tenants/46/move", national, to("nowhere")), "toServer");
        assertField(Http.post("/api/tenants/46/move", national, to("default")), "toServer");
        assertField(Http.post("/api/tenants/46/move", national, to("No Such")), "toServer");

        // While it moves, both provinces register people; the moving one may be told to retry (503), never lose one.
        AtomicBoolean moving = new AtomicBoolean(true);
        Writer hueWriter = new Writer(hue, moving);
        Writer otherWriter = new Writer(other, moving);
        hueWriter.start();
        otherWriter.start();
        long t0 = System.nanoTime();
        Http.Answer started = Http.post("/api/tenants/46/move", national, to(SECOND));
        assertEquals(202, started.status(), started::toString);
        long id = started.json().getJsonNumber("id").longValue();
        assertEquals("default", started.json().getString("fromServer"));
        Http.Answer again = Http.post("/api/tenants/46/move", national, to(SECOND));
        assertEquals(409, again.status(), "one open move per province: " + again);
        JsonObject move = await("46", id, national);
        long wall = (System.nanoTime() - t0) / 1_000_000;
        Thread.sleep(1500);
        moving.set(false);
        hueWriter.join();
        otherWriter.join();

        assertEquals("done", move.getString("state"), move::toString);
        assertEquals(move.getInt("tablesTotal"), move.getInt("tablesDone"), move::toString);
        assertTrue(move.getInt("tablesTotal") > 40, move::toString);
        move.getJsonArray("tables").getValuesAs(JsonObject.class).forEach(t -> {
            assertEquals(t.getJsonNumber("sourceRows").longValue(), t.getJsonNumber("targetRows").longValue(),
                    t::toString);
            assertEquals(t.getString("sourceChecksum"), t.getString("targetChecksum"), t::toString);
        });
        long pause = move.getJsonNumber("pauseMs").longValue();
        assertTrue(pause > 0 && pause < 30_000, move::toString);
        System.out.printf("[measure] move of province 46: %d tables, %d rows copied in %d ms (%s rows/s), %d tables"
                        + " copied again in the pause, writes paused %d ms, whole move %d ms; writes during the move:"
                        + " %d saved, %d told to retry (503)%n", move.getInt("tablesTotal"),
                move.getJsonNumber("rowsCopied").longValue(), move.getJsonNumber("copyMs").longValue(),
                move.get("rowsPerSecond"), move.getInt("tablesRecopied"), pause, wall, hueWriter.saved.size(),
                hueWriter.paused.size());

        // Registry, data and writes are on the second server now; the old schema is gone.
        assertEquals(SECOND, Http.get("/api/tenants/46", national).json().getString("dbServer"));
        assertEquals("ACTIVE", Http.get("/api/tenants/46", national).json().getString("status"));
        assertFalse(Tenants.schemaExists("46"), "the old copy is dropped");
        for (long person : hue.persons) {
            assertEquals(200, Http.get("/api/persons/" + person, hue.staffToken()).status());
        }
        Http.Answer doses = Http.get("/api/persons/" + hue.persons.get(0) + "/immunizations", hue.staffToken());
        assertEquals(200, doses.status(), doses::toString);
        assertTrue(doses.body().contains("\"id\":" + dose), doses::toString);
        for (long saved : hueWriter.saved) {
            assertEquals(1L, onSecond("SELECT COUNT(*) FROM hssk_t46.person WHERE id = " + saved),
                    "a write answered 201 during the move is on the new server: " + saved);
        }
        hueWriter.paused.forEach(answer -> {
            assertTrue(answer.isProblem(), answer::toString);
            assertEquals("tenant.moving", answer.error("tenant").getString("code"), answer::toString);
        });
        assertTrue(hueWriter.failed.isEmpty(), () -> "writes of the moving province: " + hueWriter.failed);
        long after = Epi.newborn(hue.staffToken(), "Lê Thị Sau Chuyển", LocalDate.now().minusMonths(1),
                hue.village);
        assertEquals(1L, onSecond("SELECT COUNT(*) FROM hssk_t46.person WHERE id = " + after));
        assertEquals(1L + hue.persons.size() + hueWriter.saved.size(),
                onSecond("SELECT COUNT(*) FROM hssk_t46.person"));
        assertEquals(onDefault("SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = 'hssk_t51'"),
                onSecond("SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = 'hssk_t46'"),
                "the triggers are made again on the new server");
        assertTrue(onSecond("SELECT COUNT(*) FROM hssk_t46.audit_event") > 0, "the audit trail moved too");
        assertTrue(onDefault("SELECT COUNT(*) FROM hssk_platform.platform_audit WHERE tenant_code = '46'"
                + " AND action = 'MOVE' AND detail LIKE 'done:%'") == 1, "the move is in the platform audit");

        // The other province was never paused: every write it sent was saved.
        assertTrue(otherWriter.paused.isEmpty() && otherWriter.failed.isEmpty(),
                () -> "province 51 during the move: " + otherWriter.paused + " " + otherWriter.failed);
        assertTrue(otherWriter.saved.size() > 0);
        assertEquals("default", Http.get("/api/tenants/51", national).json().getString("dbServer"));
    }

    @Test
    void aMoveInterruptedHalfwayLeavesTheProvinceWritableAndResumesToTheSameEnd() throws Exception {
        String national = Keycloak.token("national-admin");
        Tenants.ensure("48", "Đà Nẵng", "dn-admin");
        Province dn = Province.withData("48", "dn", 4);

        long id;
        JsonObject failed;
        // An operator's lock on one table (later in the copy's order) holds the copy there; killing the copy's
        // query is the failure, as a lost connection would be.
        try (Connection root = Tenants.root(); Statement lock = root.createStatement()) {
            lock.execute("LOCK TABLES hssk_t48.person WRITE");
            Http.Answer started = Http.post("/api/tenants/48/move", national, to(SECOND));
            assertEquals(202, started.status(), started::toString);
            id = started.json().getJsonNumber("id").longValue();
            long copier = awaitBlockedCopy(root);
            try (Statement kill = Tenants.root().createStatement()) {
                kill.execute("KILL QUERY " + copier);
            }
            failed = await("48", id, national);
        }
        assertEquals("failed", failed.getString("state"), failed::toString);
        assertEquals("copy", failed.getString("step"), failed::toString);
        int done = failed.getInt("tablesDone");
        assertTrue(done > 0 && done < failed.getInt("tablesTotal"), failed::toString);
        assertNotNull(failed.getString("reason", null), failed::toString);

        JsonObject tenant = Http.get("/api/tenants/48", national).json();
        assertEquals("default", tenant.getString("dbServer"));
        assertEquals("ACTIVE", tenant.getString("status"));
        long written = Epi.newborn(dn.staffToken(), "Trần Văn Giữa Chừng", LocalDate.now().minusMonths(2),
                dn.village);
        assertEquals(200, Http.get("/api/persons/" + written, dn.staffToken()).status());

        Http.Answer resumed = Http.post("/api/tenants/48/move", national, to(SECOND));
        assertEquals(202, resumed.status(), resumed::toString);
        assertEquals(id, resumed.json().getJsonNumber("id").longValue(), "the same move goes on");
        JsonObject move = await("48", id, national);
        assertEquals("done", move.getString("state"), move::toString);
        assertEquals(2, move.getInt("runs"), move::toString);
        assertEquals(move.getInt("tablesTotal"), move.getInt("tablesDone"), move::toString);
        move.getJsonArray("tables").getValuesAs(JsonObject.class).forEach(t -> {
            assertEquals(t.getJsonNumber("sourceRows").longValue(), t.getJsonNumber("targetRows").longValue(),
                    t::toString);
            assertEquals(t.getString("sourceChecksum"), t.getString("targetChecksum"), t::toString);
        });
        assertEquals(SECOND, Http.get("/api/tenants/48", national).json().getString("dbServer"));
        assertFalse(Tenants.schemaExists("48"));
        assertEquals(1L + dn.persons.size(), onSecond("SELECT COUNT(*) FROM hssk_t48.person"));
        assertEquals(200, Http.get("/api/persons/" + written, dn.staffToken()).status());
        assertEquals(2L, onDefault("SELECT COUNT(*) FROM hssk_platform.platform_audit WHERE tenant_code = '48'"
                + " AND action = 'MOVE' AND (detail LIKE 'failed:%' OR detail LIKE 'done:%')"));
    }

    /** Waits until the move's copy waits for the locked person table, and answers its connection's id. */
    private static long awaitBlockedCopy(Connection root) throws Exception {
        long until = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < until) {
            try (Connection look = Tenants.root(); Statement st = look.createStatement();
                 ResultSet rs = st.executeQuery("SELECT ID FROM information_schema.PROCESSLIST WHERE USER = 'hssk'"
                         + " AND INFO LIKE 'SELECT%hssk_t48%person%' AND STATE LIKE '%lock%'")) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the move's copy never reached the locked table");
    }

    private static JsonObject await(String code, long id, String token) throws InterruptedException {
        long until = System.nanoTime() + 180_000_000_000L;
        JsonObject move = null;
        while (System.nanoTime() < until) {
            Http.Answer answer = Http.get("/api/tenants/" + code + "/moves/" + id, token);
            assertEquals(200, answer.status(), answer::toString);
            move = answer.json();
            String state = move.getString("state");
            if (state.equals("done") || state.equals("failed")) {
                return move;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("move " + id + " did not end: " + move);
    }

    private static JsonObject to(String server) {
        return Json.createObjectBuilder().add("toServer", server).build();
    }

    private static void assertField(Http.Answer answer, String field) {
        assertEquals(400, answer.status(), answer::toString);
        assertTrue(answer.isProblem(), answer::toString);
        answer.error(field);
    }

    private static long onSecond(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://localhost:"
                + System.getProperty("hssk.db.second.port", "3307") + "/", "root", "")) {
            return single(c, sql);
        }
    }

    private static long onDefault(String sql) throws SQLException {
        try (Connection c = Tenants.root()) {
            return single(c, sql);
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A province with a commune, a village, a station, its staff and a few people (two of them look alike). */
    private record Province(String code, String staff, long village, long station, List<Long> persons) {

        static Province withData(String code, String prefix, int people) {
            Keycloak.user(prefix + "-padmin", "province-admin", code, null);
            String admin = Keycloak.token(prefix + "-padmin");
            String communeCode = code + "101";
            long commune = Units.commune(admin, communeCode, "Xã Chuyển " + code);
            long village = Units.village(admin, communeCode + "-01", "Thôn Một", commune);
            long station = Epi.station(admin, communeCode, "Trạm Y tế xã Chuyển " + code, code + "701");
            String staff = prefix + "-staff";
            Keycloak.user(staff, "station-staff", code, List.of(communeCode));
            String token = Keycloak.token(staff);
            List<Long> persons = new ArrayList<>();
            LocalDate born = LocalDate.now().minusMonths(4);
            for (int i = 0; i < people; i++) {
                String name = i < 2 ? "Phạm Văn Giống" : "Người Thứ " + i;
                persons.add(Epi.newborn(token, name, born, village));
            }
            return new Province(code, staff, village, station, persons);
        }

        String staffToken() {
            return Keycloak.token(staff);
        }

        long dose() {
            LocalDate born = LocalDate.now().minusMonths(4);
            Http.Answer given = Http.post("/api/persons/" + persons.get(0) + "/immunizations", staffToken(),
                    Epi.historical("BCG", 1, born.plusDays(1)).build());
            assertEquals(201, given.status(), given::toString);
            return given.json().getJsonNumber("id").longValue();
        }
    }

    /** Registers people in a province, one after another, until told to stop; sorts the answers. */
    private static final class Writer extends Thread {
        private final Province province;
        private final AtomicBoolean running;
        final List<Long> saved = Collections.synchronizedList(new ArrayList<>());
        final List<Http.Answer> paused = Collections.synchronizedList(new ArrayList<>());
        final List<Http.Answer> failed = Collections.synchronizedList(new ArrayList<>());

        Writer(Province province, AtomicBoolean running) {
            this.province = province;
            this.running = running;
            setDaemon(true);
        }

        @Override
        public void run() {
            String token = province.staffToken();
            int n = 0;
            while (running.get()) {
                Http.Answer answer = Http.post("/api/persons", token, Json.createObjectBuilder()
                        .add("fullName", "Trẻ Mới Sinh " + (++n)).add("sex", "FEMALE")
                        .add("birthDate", LocalDate.now().minusDays(20).toString())
                        .add("villageId", province.village()).build());
                if (answer.status() == 201) {
                    saved.add(answer.json().getJsonNumber("id").longValue());
                } else if (answer.status() == 503) {
                    paused.add(answer);
                } else {
                    failed.add(answer);
                }
                // Reads go on; a read of a person's record writes its audit line, so in the pause it waits (503) too.
                Http.Answer units = Http.get("/api/units", token);
                if (units.status() != 200) {
                    failed.add(units);
                }
                Http.Answer read = Http.get("/api/persons/" + province.persons().get(0), token);
                if (read.status() == 503) {
                    paused.add(read);
                } else if (read.status() != 200) {
                    failed.add(read);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
