package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.hssk.it.StationsIT.assertProblem;
import static vn.hssk.it.StationsIT.commune;
import static vn.hssk.it.StationsIT.created;
import static vn.hssk.it.StationsIT.id;
import static vn.hssk.it.StationsIT.staff;
import static vn.hssk.it.StationsIT.station;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Accounts of commune chairs and station staff made by a province administrator: the Keycloak user gets the caller's
 * province, the chosen communes, the role and a one-time password; the token of that user carries the communes and
 * reaches that commune's station; bad roles and other provinces' communes are refused; another province neither sees
 * nor disables the account; disabling stops sign-in and enabling restores it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountsIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void twoProvinces() {
        Tenants.ensureBoth();
    }

    @Test
    void provinceAdminCreatesAStationStaffAccountThatWorksInItsCommune() {
        String th = Keycloak.token("th-admin");
        commune(th, "16411", "Xã Hoằng Châu");
        commune(th, "16412", "Xã Hoằng Yến");
        long station = id(created(Http.post("/api/stations", th, station("Trạm Y tế xã Hoằng Châu", "38411", "16411")
                .build())));
        long other = id(created(Http.post("/api/stations", th, station("Trạm Y tế xã Hoằng Yến", "38412", "16412")
                .build())));
        long member = id(created(Http.post("/api/staff", th, staff(station).build())));
        String username = unique("st-hoangchau");

        Http.Answer made = Http.post("/api/accounts", th, account(username, "station-staff", "16411")
                .add("firstName", "Bình").add("lastName", "Trần Văn").add("staffId", member)
                .add("tenant", "92").build());
        assertEquals(201, made.status(), made::toString);
        String password = made.json().getString("temporaryPassword");
        assertTrue(password.length() >= 12, "a one-time password is returned once");
        assertEquals("station-staff", made.json().getJsonObject("account").getString("role"));

        JsonObject user = Keycloak.findUser(username);
        assertNotNull(user, "the user exists in Keycloak");
        assertEquals(List.of("38"), strings(user.getJsonObject("attributes").getJsonArray("tenant")),
                "the province is the caller's, never the request's");
        assertEquals(List.of("16411"), strings(user.getJsonObject("attributes").getJsonArray("communes")));
        assertTrue(user.getBoolean("enabled"));
        assertTrue(strings(user.getJsonArray("requiredActions")).contains("UPDATE_PASSWORD"),
                "the password is temporary: " + user);
        Http.Answer firstLogin = passwordGrant(username, password);
        assertEquals(400, firstLogin.status(), firstLogin::toString);
        assertTrue(firstLogin.body().contains("not fully set up"),
                "the one-time password is right but must be changed: " + firstLogin);
        assertTrue(passwordGrant(username, "wrong-" + password).body().contains("Invalid user credentials"));

        JsonObject listed = find(Http.get("/api/accounts", th).jsonArray(), username);
        assertNotNull(listed, "the province's list shows the account");
        assertEquals("station-staff", listed.getString("role"));
        assertEquals(List.of("16411"), strings(listed.getJsonArray("communes")));
        assertTrue(listed.getBoolean("enabled"));
        assertFalse(Http.get("/api/accounts", th).body().contains(password), "the password is never shown again");
        assertEquals(username, Http.get("/api/staff/" + member, th).json().getString("username"),
                "the account is linked to the staff member");

        Keycloak.setPassword(username, "Changed-" + password);
        String token = Keycloak.token(username, "Changed-" + password);
        JsonObject claims = claims(token);
        assertEquals("38", claims.getString("tenant"));
        assertEquals(List.of("16411"), strings(claims.getJsonArray("communes")));
        assertTrue(strings(claims.getJsonObject("realm_access").getJsonArray("roles")).contains("station-staff"));
        assertEquals(200, Http.get("/api/stations/" + station, token).status());
        assertEquals(404, Http.get("/api/stations/" + other, token).status());
        assertEquals(403, Http.get("/api/accounts", token).status(), "accounts are province-admin only");
    }

    @Test
    void onlyCommuneRolesAndTheProvincesOwnCurrentCommunesAreAccepted() {
        String th = Keycloak.token("th-admin");
        String ct = Keycloak.token("ct-admin");
        commune(th, "16413", "Xã Hoằng Quý");
        commune(ct, "31413", "Phường Tân An");
        long village = StationsIT.village(th, "16413-01", "Thôn Quý 1", commune(th, "16413", "Xã Hoằng Quý"));
        assertTrue(village > 0);

        assertProblem(400, "communes", Http.post("/api/accounts", th, account(unique("x"), "commune-chair", "31413")
                .build()));
        assertProblem(400, "communes", Http.post("/api/accounts", th, account(unique("x"), "commune-chair",
                "16413-01").build()));
        assertProblem(400, "communes", Http.post("/api/accounts", th, Json.createObjectBuilder()
                .add("username", unique("x")).add("email", "x@test.hssk.vn").add("role", "commune-chair").build()));
        for (String role : List.of("province-admin", "national-admin", "admin", "")) {
            String name = unique("bad-role");
            assertProblem(400, "role", Http.post("/api/accounts", th, account(name, role, "16413").build()));
            assertEquals(null, Keycloak.findUser(name), "nothing is created in Keycloak for a refused request");
        }
        assertProblem(400, "username", Http.post("/api/accounts", th, account("A B", "commune-chair", "16413")
                .build()));
        assertProblem(400, "email", Http.post("/api/accounts", th, Json.createObjectBuilder()
                .add("username", unique("x")).add("email", "not-an-email").add("role", "commune-chair")
                .add("communes", Json.createArrayBuilder().add("16413")).build()));
        assertProblem(409, "username", Http.post("/api/accounts", th, account("ct-admin", "commune-chair", "16413")
                .build()));

        assertEquals(403, Http.get("/api/accounts", Keycloak.token("th-quangdai-chair")).status());
        assertEquals(403, Http.post("/api/accounts", Keycloak.token("th-quangdai-staff"),
                account(unique("x"), "station-staff", "16279").build()).status());
        String national = Keycloak.token("national-admin");
        assertEquals(403, Http.get("/api/accounts", national).status());
        assertEquals(403, Http.post("/api/accounts", national, account(unique("x"), "commune-chair", "16413")
                .build()).status());
    }

    @Test
    void anotherProvinceNeitherSeesNorDisablesTheAccount() {
        String th = Keycloak.token("th-admin");
        String ct = Keycloak.token("ct-admin");
        commune(th, "16414", "Xã Hoằng Xuyên");
        String username = unique("cc-hoangxuyen");
        created(Http.post("/api/accounts", th, account(username, "commune-chair", "16414").build()));

        assertTrue(Http.get("/api/accounts", th).body().contains(username));
        String ctList = Http.get("/api/accounts", ct).body();
        assertFalse(ctList.contains(username) || ctList.contains("th-admin"), ctList);
        assertTrue(ctList.contains("ct-admin"), "a province sees its own accounts: " + ctList);
        assertEquals(404, Http.get("/api/accounts/" + username, ct).status());
        assertEquals(404, Http.post("/api/accounts/" + username + "/disable", ct, null).status());
        assertEquals(404, Http.post("/api/accounts/th-admin/disable", ct, null).status());
        assertTrue(Keycloak.findUser(username).getBoolean("enabled"), "the other province changed nothing");
        assertEquals(200, Http.get("/api/accounts/" + username, th).status());
    }

    @Test
    void disablingStopsSignInAndEnablingRestoresIt() {
        String th = Keycloak.token("th-admin");
        commune(th, "16415", "Xã Hoằng Đông");
        String username = unique("cc-hoangdong");
        created(Http.post("/api/accounts", th, account(username, "commune-chair", "16415").build()));
        Keycloak.setPassword(username, "Secret-16415");
        assertEquals(200, passwordGrant(username, "Secret-16415").status());

        Http.Answer disabled = Http.post("/api/accounts/" + username + "/disable", th, null);
        assertEquals(200, disabled.status(), disabled::toString);
        assertFalse(disabled.json().getBoolean("enabled"));
        assertFalse(Keycloak.findUser(username).getBoolean("enabled"));
        Http.Answer refused = passwordGrant(username, "Secret-16415");
        assertEquals(400, refused.status(), "a disabled account cannot sign in: " + refused);
        assertFalse(find(Http.get("/api/accounts", th).jsonArray(), username).getBoolean("enabled"));

        Http.Answer enabled = Http.post("/api/accounts/" + username + "/enable", th, null);
        assertEquals(200, enabled.status(), enabled::toString);
        assertEquals(200, passwordGrant(username, "Secret-16415").status());

        Http.Answer admin = Http.post("/api/accounts/th-admin/disable", th, null);
        assertEquals(403, admin.status(), "province administrators are not disabled from here: " + admin);
        assertTrue(Keycloak.findUser("th-admin").getBoolean("enabled"));
        assertEquals(404, Http.post("/api/accounts/no-such-user-16415/disable", th, null).status());
    }

    private static JsonObjectBuilder account(String username, String role, String commune) {
        return Json.createObjectBuilder().add("username", username).add("email", username + "@test.hssk.vn")
                .add("role", role).add("communes", Json.createArrayBuilder().add(commune));
    }

    private static String unique(String prefix) {
        return prefix + "-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    }

    private static Http.Answer passwordGrant(String username, String password) {
        return Http.postForm(Http.KEYCLOAK + "/realms/hssk/protocol/openid-connect/token", null, Map.of(
                "grant_type", "password", "client_id", "hssk-cli", "username", username, "password", password));
    }

    private static JsonObject claims(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(payload)).readObject();
    }

    private static JsonObject find(JsonArray accounts, String username) {
        return accounts.stream().map(v -> v.asJsonObject()).filter(a -> username.equals(a.getString("username")))
                .findFirst().orElse(null);
    }

    private static List<String> strings(JsonArray array) {
        return array == null ? List.of() : array.getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }
}
