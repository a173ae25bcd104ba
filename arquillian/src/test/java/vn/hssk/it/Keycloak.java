package vn.hssk.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;

/**
 * Real tokens for the tests: password grants through the public {@code hssk-cli} client, and test users made through
 * Keycloak's admin API (master realm admin of the embedded Keycloak) with the attributes and roles a test needs.
 */
public final class Keycloak {

    public static final String PASSWORD = "demo";

    private Keycloak() {
    }

    public static String token(String username) {
        return token(username, PASSWORD);
    }

    public static String token(String username, String password) {
        Http.Answer a = Http.postForm(Http.KEYCLOAK + "/realms/hssk/protocol/openid-connect/token", null, Map.of(
                "grant_type", "password", "client_id", "hssk-cli", "username", username, "password", password));
        if (a.status() != 200) {
            throw new IllegalStateException("No token for " + username + ": " + a);
        }
        return a.json().getString("access_token");
    }

    static String adminToken() {
        Http.Answer a = Http.postForm(Http.KEYCLOAK + "/realms/master/protocol/openid-connect/token", null, Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
        if (a.status() != 200) {
            throw new IllegalStateException("No Keycloak admin token: " + a);
        }
        return a.json().getString("access_token");
    }

    /** Creates (or replaces) a user of realm hssk with password {@value #PASSWORD}, a role and tenant attributes. */
    public static void user(String username, String role, String tenant, List<String> communes) {
        user(username, role, tenant, communes, null);
    }

    /** A hospital doctor (or another user working in one facility): the {@code facility} attribute is its code. */
    public static void user(String username, String role, String tenant, List<String> communes, String facility) {
        String admin = adminToken();
        String base = Http.KEYCLOAK + "/admin/realms/hssk";
        JsonArray existing = Http.get(base + "/users?exact=true&username=" + username, admin).jsonArray();
        for (int i = 0; i < existing.size(); i++) {
            Http.delete(base + "/users/" + existing.getJsonObject(i).getString("id"), admin);
        }
        JsonObjectBuilder attributes = Json.createObjectBuilder();
        if (tenant != null) {
            attributes.add("tenant", Json.createArrayBuilder().add(tenant));
        }
        if (communes != null && !communes.isEmpty()) {
            JsonArrayBuilder c = Json.createArrayBuilder();
            communes.forEach(c::add);
            attributes.add("communes", c);
        }
        if (facility != null) {
            attributes.add("facility", Json.createArrayBuilder().add(facility));
        }
        JsonObject user = Json.createObjectBuilder()
                .add("username", username)
                .add("email", username + "@test.hssk.vn")
                .add("enabled", true)
                .add("emailVerified", true)
                .add("attributes", attributes)
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "password").add("value", PASSWORD).add("temporary", false)))
                .build();
        Http.Answer created = Http.post(base + "/users", admin, user);
        if (created.status() != 201) {
            throw new IllegalStateException("Cannot create test user " + username + ": " + created);
        }
        if (role != null) {
            grant(admin, base, username, role);
        }
    }

    /** Sets a known, non-temporary password, as the user would at first login after a one-time password. */
    public static void setPassword(String username, String password) {
        String admin = adminToken();
        String base = Http.KEYCLOAK + "/admin/realms/hssk";
        JsonObject user = Http.get(base + "/users?exact=true&username=" + username, admin).jsonArray()
                .getJsonObject(0);
        String id = user.getString("id");
        Http.Answer r = Http.put(base + "/users/" + id + "/reset-password", admin, Json.createObjectBuilder()
                .add("type", "password").add("value", password).add("temporary", false).build());
        if (r.status() != 204) {
            throw new IllegalStateException("Cannot set password of " + username + ": " + r);
        }
        JsonObjectBuilder cleared = Json.createObjectBuilder(user).add("requiredActions", Json.createArrayBuilder());
        Http.put(base + "/users/" + id, admin, cleared.build());
    }

    public static JsonObject findUser(String username) {
        String admin = adminToken();
        JsonArray found = Http.get(Http.KEYCLOAK + "/admin/realms/hssk/users?exact=true&username=" + username, admin)
                .jsonArray();
        return found.isEmpty() ? null : found.getJsonObject(0);
    }

    /** Gives an existing test user one more realm role. */
    public static void grant(String username, String role) {
        grant(adminToken(), Http.KEYCLOAK + "/admin/realms/hssk", username, role);
    }

    private static void grant(String admin, String base, String username, String role) {
        String id = Http.get(base + "/users?exact=true&username=" + username, admin).jsonArray()
                .getJsonObject(0).getString("id");
        JsonObject roleRep = Http.get(base + "/roles/" + role, admin).json();
        Http.Answer r = Http.post(base + "/users/" + id + "/role-mappings/realm", admin,
                Json.createArrayBuilder().add(roleRep).build());
        if (r.status() != 204) {
            throw new IllegalStateException("Cannot grant " + role + " to " + username + ": " + r);
        }
    }
}
