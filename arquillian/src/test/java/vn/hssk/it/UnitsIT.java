package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A province administrator keeps the administrative tree true: tree levels with counts, history as of a day, the
 * code-list import (preview, refusal, valid lines only, re-import) and export, closing and deleting units; and the
 * other commune and the other province see none of it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UnitsIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private String th;

    @BeforeEach
    void province() {
        Tenants.ensureBoth();
        th = Keycloak.token("th-admin");
    }

    /** Codes 19000–19999 are this class's; every run starts from an empty database. */
    private static final AtomicInteger NEXT_CODE = new AtomicInteger(19000 + ThreadLocalRandom.current().nextInt(50));

    private static String communeCode() {
        return String.valueOf(NEXT_CODE.incrementAndGet());
    }

    private static Http.Answer importCsv(String token, String csv, String query) {
        return Http.postRaw("/api/units/import" + query, token, "text/csv", csv);
    }

    @Test
    void importPreviewWritesNothingAndApplyWritesTheTree() {
        String a = communeCode();
        String csv = "mã,tên,loại,mã cha\n" + a + ",Xã Thọ Xuân " + a + ",xã,38\n"
                + a + "-01,Thôn Một,thôn," + a + "\n" + a + "-02,Thôn Hai,thôn," + a + "\n";
        Http.Answer preview = importCsv(th, csv, "?mode=preview");
        assertEquals(200, preview.status(), preview::toString);
        JsonObject report = preview.json();
        assertEquals(3, report.getInt("newRows"));
        assertFalse(report.getBoolean("applied"));
        assertEquals(404, Http.get("/api/units/by-code/" + a, th).status(), "a preview writes nothing");

        Http.Answer applied = importCsv(th, csv, "?mode=apply");
        assertEquals(200, applied.status(), applied::toString);
        assertEquals(3, applied.json().getInt("newRows"));
        JsonObject commune = Http.get("/api/units/by-code/" + a, th).json();
        assertEquals("COMMUNE", commune.getString("level"));
        assertEquals("xã", commune.getString("typeLabel"));

        Http.Answer again = importCsv(th, csv, "?mode=apply");
        assertEquals(3, again.json().getInt("unchangedRows"), "re-importing the same file changes nothing");

        JsonArray children = Http.get("/api/units/tree?parent=" + commune.getJsonNumber("id"), th).jsonArray();
        assertEquals(2, children.size(), children::toString);
        JsonObject root = Http.get("/api/units/tree", th).jsonArray().getJsonObject(0);
        assertEquals("38", root.getString("code"));
        assertTrue(root.getJsonNumber("villages").longValue() >= 2, root::toString);
    }

    @Test
    void anImportWithErrorsIsRefusedWholeUnlessOnlyValidLinesAreChosen() {
        String a = communeCode();
        String csv = "code,name,type,parent_code\n" + a + ",Xã Tốt " + a + ",xã,38\n"
                + "123,Xã Mã Sai,xã,38\n" + a + "-01,Thôn Của Xã Tốt,thôn," + a + "\n";
        Http.Answer refused = importCsv(th, csv, "?mode=apply");
        assertEquals(422, refused.status(), refused::toString);
        assertTrue(refused.isProblem());
        JsonObject problem = refused.json();
        assertEquals("file", problem.getString("field"));
        assertEquals(1, problem.getJsonObject("report").getInt("errorRows"));
        assertEquals(404, Http.get("/api/units/by-code/" + a, th).status(), "nothing was written");

        Http.Answer csvReport = Http.send("/api/units/import?mode=preview", th, "text/csv", csv, "text/csv");
        assertEquals(200, csvReport.status(), csvReport::toString);
        assertTrue(csvReport.body().startsWith("line,code,name,type,parent_code,outcome,messages"));
        assertTrue(csvReport.body().contains("ERROR"), csvReport.body());

        Http.Answer partial = importCsv(th, csv, "?mode=apply&validOnly=true");
        assertEquals(200, partial.status(), partial::toString);
        assertEquals(2, partial.json().getInt("newRows"));
        assertEquals(200, Http.get("/api/units/by-code/" + a + "-01", th).status());
        assertEquals(404, Http.get("/api/units/by-code/123", th).status());

        Http.Answer notAFile = Http.postRaw("/api/units/import?mode=preview", th, "text/csv", "hello\n");
        assertEquals(400, notAFile.status(), notAFile::toString);
        assertEquals("file", notAFile.json().getString("field"));
    }

    @Test
    void theExportReadsBackAsAnUnchangedImport() {
        String a = communeCode();
        importCsv(th, "code,name,type,parent_code\n" + a + ",Xã Xuất " + a + ",xã,38\n", "?mode=apply");
        Http.Answer csv = Http.send("/api/units/export?format=csv", th, null, null, "text/csv");
        assertEquals(200, csv.status(), csv::toString);
        assertTrue(csv.body().contains(a + ",Xã Xuất " + a), csv.body());
        JsonObject back = importCsv(th, csv.body(), "?mode=preview").json();
        assertEquals(0, back.getInt("errorRows"), back::toString);
        assertEquals(0, back.getInt("newRows") + back.getInt("changedRows"), back::toString);
        assertEquals(200, Http.send("/api/units/export?format=xlsx", th, null, null,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").status());
    }

    @Test
    void historyShowsTheTreeAsOfADayAndClosedUnitsKeepTheirPlace() {
        String a = communeCode();
        JsonObject district = create(th, "9" + a.substring(3), "Huyện Cũ " + a, "DISTRICT", "huyện", 1, "2010-01-01");
        JsonObject old = create(th, a, "Xã Cũ " + a, "COMMUNE", "xã", district.getJsonNumber("id").longValue(),
                "2010-01-01");
        assertEquals(200, Http.post("/api/units/" + old.getJsonNumber("id") + "/close", th,
                Json.createObjectBuilder().add("validTo", "2025-06-30").build()).status());
        assertEquals(200, Http.post("/api/units/" + district.getJsonNumber("id") + "/close", th,
                Json.createObjectBuilder().add("validTo", "2025-06-30").build()).status());
        JsonObject current = create(th, a, "Xã Mới " + a, "COMMUNE", "xã", 1, "2025-07-01");
        Http.Answer succession = Http.post("/api/units/" + current.getJsonNumber("id") + "/predecessors", th,
                Json.createObjectBuilder().add("predecessorIds", Json.createArrayBuilder().add(old.getJsonNumber("id")))
                        .build());
        assertEquals(200, succession.status(), succession::toString);

        assertEquals("Xã Mới " + a, Http.get("/api/units/by-code/" + a, th).json().getString("name"));
        assertEquals("Xã Cũ " + a, Http.get("/api/units/by-code/" + a + "?asOf=2020-05-01", th).json().getString("name"));
        String before = Http.get("/api/units/tree?parent=1&asOf=2020-05-01", th).body();
        assertTrue(before.contains("Huyện Cũ " + a) && !before.contains("Xã Mới " + a), before);
        String after = Http.get("/api/units/tree?parent=1", th).body();
        assertTrue(after.contains("Xã Mới " + a) && !after.contains("Huyện Cũ " + a), after);

        Http.Answer deleteUsed = Http.delete("/api/units/" + old.getJsonNumber("id"), th);
        assertEquals(409, deleteUsed.status(), "a unit with a recorded succession is closed, never deleted");
        JsonObject mistake = create(th, communeCode(), "Xã Nhập Nhầm", "COMMUNE", "xã", 1, null);
        assertEquals(204, Http.delete("/api/units/" + mistake.getJsonNumber("id"), th).status());
        assertEquals(404, Http.get("/api/units/" + mistake.getJsonNumber("id"), th).status());
        Http.Answer badDate = Http.get("/api/units/tree?asOf=31/06/2025", th); // no 31 June
        assertEquals(400, badDate.status());
        assertEquals("asOf", badDate.json().getString("field"));
    }

    @Test
    void theTreeAndFilesStayInsideTheCallersScope() {
        String a = communeCode();
        String b = communeCode();
        importCsv(th, "code,name,type,parent_code\n" + a + ",Xã Trong " + a + ",xã,38\n" + a + "-01,Thôn T,thôn," + a
                + "\n" + b + ",Xã Ngoài " + b + ",xã,38\n", "?mode=apply");
        Keycloak.user("units-chair-" + a, "commune-chair", "38", List.of(a));
        String chair = Keycloak.token("units-chair-" + a);
        JsonArray roots = Http.get("/api/units/tree", chair).jsonArray();
        assertEquals(1, roots.size(), roots::toString);
        assertEquals(a, roots.getJsonObject(0).getString("code"));
        assertEquals(1, roots.getJsonObject(0).getJsonNumber("villages").longValue());
        assertEquals(404, Http.get("/api/units/by-code/" + b, chair).status());
        String export = Http.send("/api/units/export", chair, null, null, "text/csv").body();
        assertTrue(export.contains(a) && !export.contains(b) && !export.contains("Thanh Hóa"), export);
        assertEquals(403, importCsv(chair, "code,name,type,parent_code\n", "?mode=preview").status());

        String ct = Keycloak.token("ct-admin");
        assertEquals(404, Http.get("/api/units/by-code/" + a, ct).status());
        assertFalse(Http.get("/api/units/tree?parent=1", ct).body().contains(a));
        assertFalse(Http.send("/api/units/export", ct, null, null, "text/csv").body().contains(a));
        String national = Keycloak.token("national-admin");
        assertEquals(403, Http.get("/api/units/tree", national).status());
        assertEquals(403, Http.send("/api/units/export", national, null, null, "text/csv").status());
    }

    private static JsonObject create(String token, String code, String name, String level, String type, long parent,
                                     String validFrom) {
        var body = Json.createObjectBuilder().add("code", code).add("name", name).add("level", level)
                .add("unitType", type).add("parentId", parent);
        if (validFrom != null) {
            body.add("validFrom", validFrom);
        }
        Http.Answer created = Http.post("/api/units", token, body.build());
        assertEquals(201, created.status(), created::toString);
        return created.json();
    }
}
