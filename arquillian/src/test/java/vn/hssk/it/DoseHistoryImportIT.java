package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The import of the history of doses (the national immunization system's list) as an import job through the real
 * API, tokens and database: a commune's children get their past doses in part C, a re-import changes nothing, doses
 * the schedule refuses, unknown IDs, unknown vaccines and facilities are refused at their fields, another commune's
 * child gets the neutral refusal, and a job of province 38 neither sees nor touches a child of province 92. Communes
 * 21071/21072 (stations 38771/38772) of province 38 and 31171 of province 92 are this class's; personal IDs start
 * with 092.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DoseHistoryImportIT {

    private static final String COMMUNE_A = "21071";
    private static final String COMMUNE_B = "21072";
    private static final String COMMUNE_92 = "31171";
    private static final String STAFF_A = "dh-staff-21071";
    private static final String STAFF_B = "dh-staff-21072";
    private static final String STAFF_92 = "dh-staff-92";
    private static final String FACILITY_A = "38771";
    private static final String PENTA = "DPT-VGB-HIB";
    private static final String HEADER = "so_dinh_danh,ho_ten,ma_vac_xin,mui,ngay_tiem,ma_co_so,so_lo\n";
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static boolean usersMade;
    private static long villageA;
    private static long villageB;
    private static long village92;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void communesStationsAndUsers() {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        long communeA = Units.commune(th, COMMUNE_A, "Xã Sổ Tiêm A");
        long communeB = Units.commune(th, COMMUNE_B, "Xã Sổ Tiêm B");
        villageA = Units.village(th, COMMUNE_A + "-01", "Thôn Sổ Một", communeA);
        villageB = Units.village(th, COMMUNE_B + "-01", "Thôn Sổ Hai", communeB);
        Epi.station(th, COMMUNE_A, "Trạm Y tế xã Sổ Tiêm A");
        Epi.station(th, COMMUNE_B, "Trạm Y tế xã Sổ Tiêm B");
        String ct = Keycloak.token("ct-admin");
        village92 = Units.village(ct, COMMUNE_92 + "-01", "Ấp Sổ Tiêm", Units.commune(ct, COMMUNE_92,
                "Xã Sổ Tiêm Cần Thơ"));
        if (!usersMade) {
            Keycloak.user(STAFF_A, "station-staff", "38", List.of(COMMUNE_A));
            Keycloak.user(STAFF_B, "station-staff", "38", List.of(COMMUNE_B));
            Keycloak.user(STAFF_92, "station-staff", "92", List.of(COMMUNE_92));
            usersMade = true;
        }
    }

    @Test
    void stationStaffImportACommunesDosesIntoPartCAndAReimportChangesNothing() throws SQLException {
        String staff = Keycloak.token(STAFF_A);
        LocalDate born = Epi.today().minusMonths(8);
        Child first = child(staff, "Nguyễn Văn Sổ", born, villageA);
        Child second = child(staff, "Trần Thị Sổ", born, villageA);
        String csv = HEADER
                + first.pid + ",Nguyễn Văn Sổ," + PENTA + ",1," + DMY.format(born.plusMonths(2)) + "," + FACILITY_A
                + ",LOT-A1\n"
                + first.pid + ",,\"Vắc xin 5 trong 1 (Bạch hầu, Ho gà, Uốn ván, Viêm gan B, Hib)\",Mũi 2,"
                + DMY.format(born.plusMonths(3)) + "," + FACILITY_A + ",\n"
                + second.pid + ",Trần Thị Sổ,vac xin viem gan b don gia (lieu so sinh),1," + born + ","
                + FACILITY_A + ",\n";

        JsonObject preview = finished(staff, start(staff, "preview", csv));
        assertEquals(3, preview.getInt("rowsNew"), preview::toString);
        assertEquals(0, preview.getInt("rowsError"), () -> report(staff, preview).toString());
        assertEquals(0, doses(staff, first.id).size(), "a preview writes nothing");

        JsonObject applied = finished(staff, Http.post("/api/imports/" + preview.getJsonNumber("id") + "/apply",
                staff, jakarta.json.Json.createObjectBuilder().build()));
        assertEquals(3, applied.getInt("rowsNew"), applied::toString);
        JsonArray firstDoses = doses(staff, first.id);
        assertEquals(2, firstDoses.size(), firstDoses::toString);
        JsonObject dose1 = firstDoses.getJsonObject(0);
        assertEquals(PENTA, dose1.getString("vaccine"));
        assertEquals(1, dose1.getInt("doseNumber"));
        assertEquals(born.plusMonths(2).toString(), dose1.getString("givenOn"));
        assertEquals("HISTORICAL", dose1.getString("source"));
        assertTrue(dose1.getString("place").contains("(" + FACILITY_A + ")") && dose1.getString("place")
                .endsWith("lô LOT-A1"), dose1::toString);
        assertEquals(2, firstDoses.getJsonObject(1).getInt("doseNumber"));
        JsonArray secondDoses = doses(staff, second.id);
        assertEquals(1, secondDoses.size(), secondDoses::toString);
        assertEquals("HEPB-MONOVALENT", secondDoses.getJsonObject(0).getString("vaccine"));
        assertEquals(2, auditRows(first.id), "each dose written is audited on the person");

        JsonObject again = finished(staff, start(staff, "apply", csv));
        assertEquals(0, again.getInt("rowsNew"), again::toString);
        assertEquals(3, again.getInt("rowsUnchanged"), again::toString);
        assertEquals(2, doses(staff, first.id).size(), "a re-import creates nothing");
        assertEquals(1, doses(staff, second.id).size());
        assertEquals(2, auditRows(first.id));
    }

    @Test
    void dosesTheScreenWouldRefuseAreRefusedAtTheirFieldsAndTheOthersAreWritten() {
        String staff = Keycloak.token(STAFF_A);
        LocalDate born = Epi.today().minusMonths(6);
        Child child = child(staff, "Lê Văn Sớm", born, villageA);
        Child other = child(Keycloak.token(STAFF_B), "Phạm Thị Xã Khác", born, villageB);
        String unknown = People.pid("092", '2', born.getYear());
        String csv = HEADER
                + child.pid + ",Lê Văn Sớm," + PENTA + ",1," + DMY.format(born.plusMonths(1)) + "," + FACILITY_A
                + ",\n"
                + unknown + ",Không Có Ai," + PENTA + ",1," + DMY.format(born.plusMonths(2)) + "," + FACILITY_A
                + ",\n"
                + other.pid + ",Phạm Thị Xã Khác," + PENTA + ",1," + DMY.format(born.plusMonths(2)) + ","
                + FACILITY_A + ",\n"
                + child.pid + ",Lê Văn Sớm,VAC-KHONG-CO,1," + DMY.format(born.plusMonths(2)) + ","
                + FACILITY_A + ",\n"
                + child.pid + ",Lê Văn Sớm,BCG,1," + DMY.format(born.plusDays(3)) + ",38999,\n"
                + child.pid + ",Lê Văn Sớm,HEPB-MONOVALENT,1," + born + "," + FACILITY_A + ",\n";

        JsonObject job = finished(staff, start(staff, "apply", csv));
        assertEquals(6, job.getInt("rowsRead"), job::toString);
        assertEquals(1, job.getInt("rowsNew"), job::toString);
        assertEquals(5, job.getInt("rowsError"), job::toString);
        JsonObject report = report(staff, job);
        JsonObject tooEarly = firstError(row(report, 2));
        assertEquals("date", tooEarly.getString("field"), tooEarly::toString);
        assertEquals("dose.tooEarly", tooEarly.getString("code"));
        JsonObject unknownId = firstError(row(report, 3));
        assertEquals("personalId", unknownId.getString("field"));
        assertEquals("import.personUnknown", unknownId.getString("code"));
        JsonObject neutral = firstError(row(report, 4));
        assertEquals("personalId", neutral.getString("field"));
        assertEquals("personalId.unavailable", neutral.getString("code"));
        assertTrue(!row(report, 4).containsKey("personId") || row(report, 4).isNull("personId"),
                "nothing about the other commune's child is told");
        assertEquals("vaccine", firstError(row(report, 5)).getString("field"));
        assertEquals("import.vaccineUnknown", firstError(row(report, 5)).getString("code"));
        assertEquals("facility", firstError(row(report, 6)).getString("field"));
        assertEquals("import.facilityUnknown", firstError(row(report, 6)).getString("code"));

        JsonObject vietnamese = Http.send("/api/imports/" + job.getJsonNumber("id") + "/report", staff, null, null,
                "application/json", "vi").json();
        assertTrue(firstError(row(vietnamese, 2)).getString("message").startsWith("Mũi 1 vắc xin " + PENTA),
                vietnamese::toString);

        JsonArray written = doses(staff, child.id);
        assertEquals(1, written.size(), written::toString);
        assertEquals("HEPB-MONOVALENT", written.getJsonObject(0).getString("vaccine"));
        assertEquals(0, doses(Keycloak.token(STAFF_B), other.id).size(), "the other commune's child is untouched");
    }

    @Test
    void aJobOfProvince38NeitherSeesNorTouchesAChildOf92() {
        String staff92 = Keycloak.token(STAFF_92);
        LocalDate born = Epi.today().minusMonths(7);
        Child theirs = child(staff92, "Võ Văn Cần Thơ", born, village92);
        String staff = Keycloak.token(STAFF_A);
        String csv = HEADER + theirs.pid + ",Võ Văn Cần Thơ,HEPB-MONOVALENT,1," + born + "," + FACILITY_A + ",\n";

        JsonObject job = finished(staff, start(staff, "apply", csv));
        assertEquals(1, job.getInt("rowsError"), job::toString);
        JsonObject refused = firstError(row(report(staff, job), 2));
        assertEquals("personalId", refused.getString("field"));
        assertEquals("import.personUnknown", refused.getString("code"), "province 38 has no such person");
        assertEquals(0, doses(staff92, theirs.id).size(), "the child of 92 gets no dose");

        String id = job.getJsonNumber("id").toString();
        assertEquals(404, Http.get("/api/imports/" + id, staff92).status(), "nor does 92 see 38's job");
        assertEquals(404, Http.get("/api/imports/" + id + "/report", staff92).status());
        assertEquals(404, Http.get("/api/imports/" + id, Keycloak.token("ct-admin")).status());
    }

    private record Child(long id, String pid) {
    }

    private static Child child(String token, String name, LocalDate born, long village) {
        String pid = People.pid("092", '2', born.getYear());
        return new Child(People.id(People.register(token, People.person(name, "MALE", born.toString(), pid,
                village))), pid);
    }

    private static Http.Answer start(String token, String mode, String csv) {
        return Http.send("/api/imports?kind=doses&mode=" + mode + "&fileName="
                + URLEncoder.encode("so-tiem.csv", StandardCharsets.UTF_8), token, "text/csv", csv,
                "application/json");
    }

    /** The job a start (or apply) queued, polled until it ends ({@link ImportJobsIT#await}); it must end done. */
    private static JsonObject finished(String token, Http.Answer started) {
        assertEquals(202, started.status(), started::toString);
        JsonObject job = ImportJobsIT.await(token, started.json().getJsonNumber("id").longValue());
        assertEquals("done", job.getString("state"), job::toString);
        return job;
    }

    private static JsonObject report(String token, JsonObject job) {
        Http.Answer a = Http.get("/api/imports/" + job.getJsonNumber("id") + "/report?max=1000", token);
        assertEquals(200, a.status(), a::toString);
        return a.json();
    }

    private static JsonArray doses(String token, long person) {
        Http.Answer a = Http.get("/api/persons/" + person + "/immunizations", token);
        assertEquals(200, a.status(), a::toString);
        return a.jsonArray();
    }

    private static JsonObject row(JsonObject report, int line) {
        JsonArray rows = report.getJsonArray("rows");
        for (int i = 0; i < rows.size(); i++) {
            if (rows.getJsonObject(i).getInt("line") == line) {
                return rows.getJsonObject(i);
            }
        }
        throw new AssertionError("no row for line " + line + " in " + report);
    }

    private static JsonObject firstError(JsonObject row) {
        assertEquals("ERROR", row.getString("outcome"), row::toString);
        return row.getJsonArray("errors").getJsonObject(0);
    }

    private static int auditRows(long personId) throws SQLException {
        try (Connection c = Tenants.root(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM"
                + " hssk_t38.audit_event WHERE entity_type = 'Person' AND entity_id = ? AND action = 'CREATE'"
                + " AND context = 'import' AND changes LIKE '%\"source\"%HISTORICAL%'")) {
            ps.setLong(1, personId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
