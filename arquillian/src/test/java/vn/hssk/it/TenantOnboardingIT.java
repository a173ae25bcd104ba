package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A national administrator onboards, suspends and resumes provinces through the REST API. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TenantOnboardingIT {

    @ArquillianResource
    private ManagementClient management;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void onboardingCreatesAWorkingProvinceWithItsAdministrator() {
        String national = Keycloak.token("national-admin");
        long t0 = System.nanoTime();
        Http.Answer created = Http.post("/api/tenants", national, Tenants.request("04", "Cao Bằng", "cb-admin"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("[measure] onboarding of province 04 took %d ms (server-side %d ms)%n", ms,
                created.status() == 201 ? created.json().getJsonNumber("durationMs").longValue() : -1);
        assertEquals(201, created.status(), created::toString);
        JsonObject report = created.json();
        assertEquals("ACTIVE", report.getString("status"));
        assertEquals("cb-admin", report.getString("adminUsername"));
        assertFalse(report.getString("temporaryPassword").isBlank());
        JsonArray steps = report.getJsonArray("steps");
        assertEquals(6, steps.size(), steps::toString);
        steps.forEach(s -> assertEquals("OK", s.asJsonObject().getString("outcome"), s::toString));
        assertTrue(created.body().contains("CREATE_SCHEMA") && created.body().contains("CREATE_ADMIN"));
        assertTrue(Tenants.schemaExists("04"));

        JsonObject account = Keycloak.findUser("cb-admin");
        assertNotNull(account, "the province administrator exists in Keycloak");
        assertEquals("04",
                account.getJsonObject("attributes").getJsonArray("tenant").getString(0));
        assertTrue(account.getJsonArray("requiredActions").toString().contains("UPDATE_PASSWORD"),
                "the one-time password must be changed at first login");

        Keycloak.setPassword("cb-admin", "demo");
        String provinceAdmin = Keycloak.token("cb-admin");
        JsonObject me = Http.get("/api/me", provinceAdmin).json();
        assertEquals("04", me.getString("tenantCode"));
        assertEquals("Cao Bằng", me.getString("tenantName"));
        JsonArray units = Http.get("/api/units", provinceAdmin).jsonArray();
        assertEquals(1, units.size(), units::toString);
        assertEquals("PROVINCE", units.getJsonObject(0).getString("level"));

        JsonObject listed = Http.get("/api/tenants/04", national).json();
        assertEquals("ACTIVE", listed.getString("status"));
        assertEquals(0, listed.getJsonNumber("communes").longValue());
        assertEquals(0, listed.getJsonNumber("people").longValue());
    }

    @Test
    void badInputGetsAProblemNamingTheField() {
        String national = Keycloak.token("national-admin");
        assertField(Http.post("/api/tenants", national, Tenants.request("3", "Tỉnh", "x-admin")), "code");
        assertField(Http.post("/api/tenants", national, Tenants.request("380", "Tỉnh", "x-admin")), "code");
        assertField(Http.post("/api/tenants", national, Tenants.request("99", "Tỉnh", "x-admin")), "code");
        assertField(Http.post("/api/tenants", national, Tenants.request("12", " ", "x-admin")), "name");
        assertField(Http.post("/api/tenants", national, Tenants.request("12", "Lai Châu", "X")), "adminUsername");
        JsonObject badMail = Json.createObjectBuilder(Tenants.request("12", "Lai Châu", "lc-admin"))
                .add("adminEmail", "not-an-address").build();
        assertField(Http.post("/api/tenants", national, badMail), "adminEmail");
        Http.Answer notJson = Http.postRaw("/api/tenants", national, "application/json", "{\"code\": ");
        assertEquals(400, notJson.status(), notJson::toString);
        assertTrue(notJson.isProblem(), notJson::toString);
        assertFalse(Tenants.schemaExists("12"), "nothing was created by refused requests");
        assertEquals(404, Http.get("/api/tenants/12", national).status());
    }

    @Test
    void aDuplicateCodeIsRefused() {
        Tenants.ensure("14", "Sơn La", "sl-admin");
        Http.Answer again = Http.post("/api/tenants", Keycloak.token("national-admin"),
                Tenants.request("14", "Sơn La", "sl-admin-2"));
        assertEquals(409, again.status(), again::toString);
        assertTrue(again.isProblem());
        assertEquals("code", again.json().getString("field"));
    }

    @Test
    void keycloakDownHalfwayLeavesNoHalfTenantAndARetryWorks() throws Exception {
        String national = Keycloak.token("national-admin");
        setServerProperty("hssk.keycloak.url", "http://localhost:1");
        Http.Answer failed;
        try {
            failed = Http.post("/api/tenants", national, Tenants.request("15", "Lào Cai", "lca-admin"));
        } finally {
            removeServerProperty("hssk.keycloak.url");
        }
        assertEquals(502, failed.status(), failed::toString);
        JsonObject report = failed.json();
        assertEquals("FAILED", report.getString("status"));
        assertTrue(report.getString("reason").startsWith("CREATE_ADMIN"), report::toString);
        assertFalse(Tenants.schemaExists("15"), "the schema of the failed attempt is dropped");
        JsonObject registry = Http.get("/api/tenants/15", national).json();
        assertEquals("FAILED", registry.getString("status"));
        assertTrue(registry.getString("statusReason").contains("Keycloak"), registry::toString);

        Http.Answer retried = Http.post("/api/tenants", national, Tenants.request("15", "Lào Cai", "lca-admin"));
        assertEquals(201, retried.status(), retried::toString);
        assertTrue(Tenants.schemaExists("15"));
        assertEquals("ACTIVE", Http.get("/api/tenants/15", national).json().getString("status"));
    }

    @Test
    void aSuspendedProvinceIsRefusedAndResumingRestoresIt() {
        Tenants.ensure("19", "Thái Nguyên", "tn-admin");
        Keycloak.user("tn-staff-admin", "province-admin", "19", null);
        String user = Keycloak.token("tn-staff-admin");
        assertEquals(200, Http.get("/api/units", user).status());

        String national = Keycloak.token("national-admin");
        Http.Answer suspended = Http.post("/api/tenants/19/suspend", national,
                Json.createObjectBuilder().add("reason", "Contract review").build());
        assertEquals(200, suspended.status(), suspended::toString);
        assertEquals("SUSPENDED", suspended.json().getString("status"));

        Http.Answer refused = Http.get("/api/units", user);
        assertEquals(403, refused.status(), refused::toString);
        assertTrue(refused.isProblem());
        assertTrue(refused.json().getString("detail").contains("suspended"), refused::toString);
        assertEquals(403, Http.get("/api/me", user).status());

        Http.Answer resumed = Http.post("/api/tenants/19/resume", national, null);
        assertEquals(200, resumed.status(), resumed::toString);
        Http.Answer back = Http.get("/api/units", user);
        assertEquals(200, back.status(), back::toString);
        assertEquals(1, back.jsonArray().size(), "data untouched by the suspension");
    }

    @Test
    void onlyNationalAdministratorsManageTenants() {
        Tenants.ensure("20", "Lạng Sơn", "ls-admin");
        Keycloak.user("ls-province-admin", "province-admin", "20", null);
        String provinceAdmin = Keycloak.token("ls-province-admin");
        assertEquals(403, Http.get("/api/tenants", provinceAdmin).status());
        assertEquals(403, Http.post("/api/tenants", provinceAdmin, Tenants.request("22", "Quảng Ninh", "qn-admin"))
                .status());
        assertEquals(403, Http.post("/api/tenants/20/suspend", provinceAdmin, null).status());
        assertEquals("ACTIVE", Http.get("/api/tenants/20", Keycloak.token("national-admin")).json()
                .getString("status"));
    }

    @Test
    void nationalAdministratorsReachNoProvinceData() {
        Tenants.ensure("20", "Lạng Sơn", "ls-admin");
        String national = Keycloak.token("national-admin");
        Http.Answer units = Http.get("/api/units", national);
        assertEquals(403, units.status(), units::toString);
        assertTrue(units.isProblem());
        assertEquals(403, Http.get("/api/units/1", national).status());
    }

    @Test
    void everyApiCallNeedsABearerToken() {
        Http.Answer anonymous = Http.get("/api/tenants", null);
        assertTrue(anonymous.status() == 401 || anonymous.status() == 302 || anonymous.status() == 403,
                anonymous::toString);
        assertFalse(anonymous.body() != null && anonymous.body().contains("\"code\""));
        Http.Answer forged = Http.get("/api/tenants", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
        assertTrue(forged.status() == 401 || forged.status() == 403, forged::toString);
    }

    private static void assertField(Http.Answer answer, String field) {
        assertEquals(400, answer.status(), answer::toString);
        assertTrue(answer.isProblem(), answer::toString);
        JsonObject problem = answer.json();
        assertEquals(400, problem.getInt("status"));
        assertTrue(problem.getJsonArray("errors").stream()
                        .anyMatch(e -> field.equals(e.asJsonObject().getString("field"))),
                () -> "expected an error on " + field + ": " + problem);
    }

    private void setServerProperty(String name, String value) throws Exception {
        ModelNode op = new ModelNode();
        op.get("operation").set("add");
        op.get("address").add("system-property", name);
        op.get("value").set(value);
        ModelNode result = management.getControllerClient().execute(op);
        assertEquals("success", result.get("outcome").asString(), result::toString);
    }

    private void removeServerProperty(String name) throws Exception {
        ModelNode op = new ModelNode();
        op.get("operation").set("remove");
        op.get("address").add("system-property", name);
        management.getControllerClient().execute(op);
    }
}
