package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Onboarding through the real API as the national administrator, and a look into the database as its owner. */
public final class Tenants {

    private Tenants() {
    }

    public static JsonObject request(String code, String name, String adminUsername) {
        return Json.createObjectBuilder()
                .add("code", code)
                .add("name", name)
                .add("adminUsername", adminUsername)
                .add("adminEmail", adminUsername + "@test.hssk.vn")
                .build();
    }

    /** Onboards a province unless it is already active, and answers its registry view. */
    public static JsonObject ensure(String code, String name, String adminUsername) {
        String token = Keycloak.token("national-admin");
        Http.Answer existing = Http.get("/api/tenants/" + code, token);
        if (existing.status() == 200 && "ACTIVE".equals(existing.json().getString("status"))) {
            return existing.json();
        }
        Http.Answer created = Http.post("/api/tenants", token, request(code, name, adminUsername));
        assertEquals(201, created.status(), () -> "onboarding " + code + ": " + created);
        return Http.get("/api/tenants/" + code, token).json();
    }

    /** The two provinces most tests compare: Thanh Hóa (38) and Cần Thơ (92), with their realm administrators. */
    public static void ensureBoth() {
        ensure("38", "Thanh Hóa", "th-admin");
        ensure("92", "Cần Thơ", "ct-admin");
    }

    public static boolean schemaExists(String code) {
        try (Connection c = root();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = ?")) {
            ps.setString(1, "hssk_t" + code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Connection root() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:mariadb://localhost:" + System.getProperty("hssk.db.port", "3306") + "/", "root", "");
    }
}
