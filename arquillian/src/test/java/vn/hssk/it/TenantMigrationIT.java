package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every tenant's schema is migrated when the application starts. A tenant whose migration fails is taken out of
 * service with the reason, keeps its data, and the other tenants start as usual; once repaired, resuming it brings it
 * back. Provinces 22 and 24 belong to this test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantMigrationIT {

    @ArquillianResource
    private ManagementClient management;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void aTenantThatCannotBeMigratedAtStartIsSetAsideAndTheOthersStart() throws Exception {
        Tenants.ensure("22", "Quảng Ninh", "qn-admin");
        Tenants.ensure("24", "Bắc Ninh", "bn-admin");
        Keycloak.user("qn-user", "province-admin", "22", null);
        Keycloak.user("bn-user", "province-admin", "24", null);
        long checksum = checksumOfV1();
        sql("UPDATE hssk_t22.flyway_schema_history SET checksum = 12345 WHERE version = '1'");
        try {
            redeploy();
            String national = Keycloak.token("national-admin");
            JsonObject broken = Http.get("/api/tenants/22", national).json();
            assertEquals("MIGRATION_FAILED", broken.getString("status"), broken::toString);
            assertTrue(broken.getString("statusReason").startsWith("MIGRATE at startup"), broken::toString);
            assertEquals("ACTIVE", Http.get("/api/tenants/24", national).json().getString("status"));
            assertEquals(200, Http.get("/api/units", Keycloak.token("bn-user")).status(), "the others start");
            assertEquals(403, Http.get("/api/units", Keycloak.token("qn-user")).status(), "out of service");
            assertTrue(Tenants.schemaExists("22"), "its data is kept");

            Http.Answer retry = Http.post("/api/tenants", national, Tenants.request("22", "Quảng Ninh", "qn-admin"));
            assertEquals(409, retry.status(), "onboarding again (which recreates a schema) is refused: " + retry);
            Http.Answer stillBroken = Http.post("/api/tenants/22/resume", national, null);
            assertEquals(409, stillBroken.status(), stillBroken::toString);
        } finally {
            sql("UPDATE hssk_t22.flyway_schema_history SET checksum = " + checksum + " WHERE version = '1'");
        }
        Http.Answer resumed = Http.post("/api/tenants/22/resume", Keycloak.token("national-admin"), null);
        assertEquals(200, resumed.status(), resumed::toString);
        assertEquals("ACTIVE", resumed.json().getString("status"));
        Http.Answer units = Http.get("/api/units", Keycloak.token("qn-user"));
        assertEquals(200, units.status(), units::toString);
        assertEquals("Quảng Ninh", units.jsonArray().getJsonObject(0).getString("name"));
    }

    private static long checksumOfV1() throws SQLException {
        try (Connection c = Tenants.root(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT checksum FROM hssk_t22.flyway_schema_history WHERE version = '1'")) {
            assertTrue(rs.next(), "tenant 22 has a migration history");
            return rs.getLong(1);
        }
    }

    private void redeploy() throws Exception {
        ModelNode op = new ModelNode();
        op.get("operation").set("redeploy");
        op.get("address").add("deployment", "hssk.ear");
        ModelNode result = management.getControllerClient().execute(op);
        assertEquals("success", result.get("outcome").asString(), result::toString);
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = Tenants.root(); Statement st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }
}
