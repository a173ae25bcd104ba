package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenancy is security: two provinces hold rows with the same ids, and a user of one can read, list, search or change
 * nothing of the other; commune-scoped users see only their communes; tokens without a usable tenant get nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantIsolationIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void twoProvinces() {
        Tenants.ensureBoth();
    }

    @Test
    void aProvinceUserCanReachNothingOfAnotherProvince() throws SQLException {
        long id = 100_000 + ThreadLocalRandom.current().nextInt(800_000);
        String thName = "Xã Đông Tiến " + id;
        String ctName = "Phường Ninh Kiều " + id;
        insertCommune("38", id, String.format("38%03d", id % 1000), thName);
        insertCommune("92", id, String.format("92%03d", id % 1000), ctName);
        String th = Keycloak.token("th-admin");
        String ct = Keycloak.token("ct-admin");

        assertEquals(thName, Http.get("/api/units/" + id, th).json().getString("name"));
        assertEquals(ctName, Http.get("/api/units/" + id, ct).json().getString("name"));
        assertEquals("Thanh Hóa", Http.get("/api/units/1", th).json().getString("name"));
        assertEquals("Cần Thơ", Http.get("/api/units/1", ct).json().getString("name"));

        String thList = Http.get("/api/units?max=500", th).body();
        assertTrue(thList.contains(thName));
        assertFalse(thList.contains(ctName) || thList.contains("Cần Thơ"), thList);
        JsonArray searched = Http.get("/api/units?q=ninh%20kieu", th).jsonArray();
        assertEquals(0, searched.size(), searched::toString);
        JsonArray ownSearch = Http.get("/api/units?q=ninh%20kieu", ct).jsonArray();
        assertTrue(ownSearch.toString().contains(ctName), "search ignores diacritics: " + ownSearch);
        String paramTrick = Http.get("/api/units?max=500&tenant=92", th).body();
        assertFalse(paramTrick.contains(ctName), "the tenant comes from the token, never a parameter");

        Http.Answer renamed = Http.put("/api/units/" + id, th, Json.createObjectBuilder()
                .add("name", "Xã Đổi Tên " + id).build());
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals(ctName, Http.get("/api/units/" + id, ct).json().getString("name"),
                "a change in one province never touches the other");
        assertEquals("Xã Đổi Tên " + id, Http.get("/api/units/" + id, th).json().getString("name"));
    }

    @Test
    void communeScopedUsersSeeOnlyTheirCommunes() {
        String th = Keycloak.token("th-admin");
        long quangDai = communeId(th, "16279", "Xã Quảng Đại");
        long other = communeId(th, "16282", "Xã Quảng Hùng");
        long village = createUnit(th, "16279-01", "Thôn Huệ Nghiêm", "VILLAGE", "thon", quangDai);
        long otherVillage = createUnit(th, "16282-01", "Thôn Khác", "VILLAGE", "thon", other);

        for (String user : List.of("th-quangdai-chair", "th-quangdai-staff")) {
            String token = Keycloak.token(user);
            String list = Http.get("/api/units?max=500", token).body();
            assertTrue(list.contains("Xã Quảng Đại") && list.contains("Thôn Huệ Nghiêm"), list);
            assertFalse(list.contains("Xã Quảng Hùng") || list.contains("Thôn Khác") || list.contains("Thanh Hóa"),
                    user + " sees only Quảng Đại: " + list);
            assertEquals(200, Http.get("/api/units/" + quangDai, token).status());
            assertEquals(200, Http.get("/api/units/" + village, token).status());
            assertEquals(404, Http.get("/api/units/" + other, token).status());
            assertEquals(404, Http.get("/api/units/" + otherVillage, token).status());
            assertEquals(404, Http.get("/api/units/1", token).status());
            Http.Answer rename = Http.put("/api/units/" + quangDai, token,
                    Json.createObjectBuilder().add("name", "Đổi").build());
            assertEquals(403, rename.status(), rename::toString);
            assertEquals(0, Http.get("/api/units?q=quang%20hung", token).jsonArray().size());
        }
    }

    @Test
    void aTokenWithoutAUsableProvinceGetsNothing() {
        Keycloak.user("no-tenant-admin", "province-admin", null, null);
        String noTenant = Keycloak.token("no-tenant-admin");
        Http.Answer units = Http.get("/api/units", noTenant);
        assertEquals(403, units.status(), units::toString);
        assertTrue(units.isProblem());
        assertEquals(403, Http.get("/api/me", noTenant).status());
        assertEquals(403, Http.get("/api/units/1", noTenant).status());

        Keycloak.user("unknown-tenant-admin", "province-admin", "77", null);
        Http.Answer unknown = Http.get("/api/units", Keycloak.token("unknown-tenant-admin"));
        assertEquals(403, unknown.status(), unknown::toString);

        Keycloak.user("national-with-province", "national-admin", "38", null);
        Keycloak.grant("national-with-province", "province-admin");
        Http.Answer mixed = Http.get("/api/units", Keycloak.token("national-with-province"));
        assertEquals(403, mixed.status(), "a national administrator never reaches province data: " + mixed);

        Keycloak.user("no-role-user", null, "38", null);
        Http.Answer noRole = Http.get("/api/units", Keycloak.token("no-role-user"));
        assertEquals(403, noRole.status(), noRole::toString);
    }

    @Test
    void badUnitInputGetsAProblemNamingTheField() {
        String th = Keycloak.token("th-admin");
        Http.Answer noName = Http.post("/api/units", th, Json.createObjectBuilder().add("code", "16999")
                .add("level", "COMMUNE").add("unitType", "xa").add("parentId", 1).add("name", "").build());
        assertEquals(400, noName.status(), noName::toString);
        assertEquals("name", noName.json().getString("field"));
        Http.Answer badLevel = Http.get("/api/units?level=HAMLET", th);
        assertEquals(400, badLevel.status());
        assertEquals("level", badLevel.json().getString("field"));
        Http.Answer villageUnderProvince = Http.post("/api/units", th, Json.createObjectBuilder().add("code", "16998")
                .add("level", "VILLAGE").add("unitType", "thon").add("parentId", 1).add("name", "Thôn").build());
        assertEquals(400, villageUnderProvince.status(), villageUnderProvince::toString);
        assertEquals("parentId", villageUnderProvince.json().getString("field"));
        assertEquals(404, Http.get("/api/units/987654321", th).status());
    }

    private static long communeId(String token, String code, String name) {
        JsonArray found = Http.get("/api/units?level=COMMUNE&q=" + code, token).jsonArray();
        for (int i = 0; i < found.size(); i++) {
            if (code.equals(found.getJsonObject(i).getString("code"))) {
                return found.getJsonObject(i).getJsonNumber("id").longValue();
            }
        }
        return createUnit(token, code, name, "COMMUNE", "xa", 1);
    }

    private static long createUnit(String token, String code, String name, String level, String type, long parent) {
        JsonArray found = Http.get("/api/units?q=" + code, token).jsonArray();
        for (int i = 0; i < found.size(); i++) {
            if (code.equals(found.getJsonObject(i).getString("code"))) {
                return found.getJsonObject(i).getJsonNumber("id").longValue();
            }
        }
        JsonObject body = Json.createObjectBuilder().add("code", code).add("name", name).add("level", level)
                .add("unitType", type).add("parentId", parent).build();
        Http.Answer created = Http.post("/api/units", token, body);
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }

    private static void insertCommune(String tenant, long id, String code, String name) throws SQLException {
        try (Connection c = Tenants.root(); PreparedStatement ps = c.prepareStatement("INSERT INTO hssk_t" + tenant
                + ".admin_unit (id, code, name, name_folded, level, unit_type, parent_id, valid_from, created_at,"
                + " created_by) VALUES (?, ?, ?, ?, 'COMMUNE', 'xa', 1, '2025-07-01', NOW(3), 'test')")) {
            ps.setLong(1, id);
            ps.setString(2, code);
            ps.setString(3, name);
            ps.setString(4, vn.hssk.it.Folding.fold(name));
            ps.executeUpdate();
        }
    }
}
