package vn.hssk.tenant;

import jakarta.enterprise.context.Dependent;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.Settings;

/**
 * Creates and manages platform accounts in Keycloak through its admin REST API, with the service account of the
 * {@code hssk-web} client. Passwords are generated here, handed to the administrator once and never stored by us.
 * Only the tenant roles can be granted through this class: nobody becomes a national administrator from the app.
 */
@Dependent
public class KeycloakAdmin {

    /** What became of an account: created with a one-time password, or an existing account of the same province. */
    public record Account(String id, String username, String temporaryPassword, boolean existed) {
    }

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public Account createProvinceAdmin(String username, String email, String tenantCode) {
        return createAccount(username, email, tenantCode, "province-admin");
    }

    private Account createAccount(String username, String email, String tenantCode, String role) {
        if (!role.equals("province-admin") && !role.equals("commune-chair") && !role.equals("station-staff")) {
            throw new IllegalArgumentException("Role " + role + " cannot be granted from the application");
        }
        Client client = ClientBuilder.newBuilder()
                .connectTimeout(5, TimeUnit.SECONDS).readTimeout(20, TimeUnit.SECONDS).build();
        try {
            String token = serviceToken(client);
            String password = newPassword();
            JsonObject user = Json.createObjectBuilder()
                    .add("username", username)
                    .add("email", email)
                    .add("enabled", true)
                    .add("attributes", Json.createObjectBuilder().add("tenant", Json.createArrayBuilder().add(tenantCode)))
                    .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("type", "password").add("value", password).add("temporary", true)))
                    .build();
            Account account;
            try (Response created = client.target(adminUrl()).path("users").request()
                    .header("Authorization", "Bearer " + token)
                    .post(Entity.entity(user.toString(), MediaType.APPLICATION_JSON))) {
                if (created.getStatus() == 201) {
                    URI location = created.getLocation();
                    String path = location.getPath();
                    account = new Account(path.substring(path.lastIndexOf('/') + 1), username, password, false);
                } else if (created.getStatus() == 409) {
                    account = existing(client, token, username, tenantCode);
                } else {
                    throw ProblemException.unavailable("Keycloak refused to create the account (HTTP "
                            + created.getStatus() + ")");
                }
            }
            grantRealmRole(client, token, account.id(), role);
            return account;
        } catch (ProcessingException e) {
            throw ProblemException.unavailable("Keycloak cannot be reached at " + baseUrl());
        } finally {
            client.close();
        }
    }

    private Account existing(Client client, String token, String username, String tenantCode) {
        JsonArray found = client.target(adminUrl()).path("users")
                .queryParam("username", username).queryParam("exact", "true")
                .request(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + token)
                .get(JsonArray.class);
        if (found.isEmpty()) {
            throw ProblemException.conflict("adminEmail", "An account with this e-mail address already exists");
        }
        JsonObject user = found.getJsonObject(0);
        JsonObject attributes = user.getJsonObject("attributes");
        JsonArray tenants = attributes == null ? null : attributes.getJsonArray("tenant");
        boolean sameTenant = tenants != null && tenants.stream()
                .anyMatch(v -> v.getValueType() == JsonValue.ValueType.STRING
                        && tenantCode.equals(((jakarta.json.JsonString) v).getString()));
        if (!sameTenant) {
            throw ProblemException.conflict("adminUsername", "The username " + username + " is already taken");
        }
        return new Account(user.getString("id"), username, null, true);
    }

    private void grantRealmRole(Client client, String token, String userId, String roleName) {
        JsonArray roles = client.target(adminUrl()).path("roles").queryParam("search", roleName)
                .request(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + token)
                .get(JsonArray.class);
        JsonObject role = roles.stream().map(JsonValue::asJsonObject)
                .filter(r -> roleName.equals(r.getString("name", null)))
                .findFirst()
                .orElseThrow(() -> ProblemException.unavailable("Role " + roleName + " is missing in Keycloak"));
        JsonArray body = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("id", role.getString("id")).add("name", roleName)).build();
        try (Response r = client.target(adminUrl()).path("users").path(userId).path("role-mappings/realm")
                .request().header("Authorization", "Bearer " + token)
                .post(Entity.entity(body.toString(), MediaType.APPLICATION_JSON))) {
            if (r.getStatus() != 204) {
                throw ProblemException.unavailable("Keycloak refused to grant role " + roleName
                        + " (HTTP " + r.getStatus() + ")");
            }
        }
    }

    private String serviceToken(Client client) {
        Form form = new Form()
                .param("grant_type", "client_credentials")
                .param("client_id", Settings.get("hssk.oidc.client-id", "HSSK_OIDC_CLIENT_ID", "hssk-web"))
                .param("client_secret", Settings.get("hssk.oidc.secret", "HSSK_OIDC_SECRET", "hssk-web-dev-secret"));
        try (Response r = client.target(baseUrl()).path("realms").path(realm())
                .path("protocol/openid-connect/token").request(MediaType.APPLICATION_JSON)
                .post(Entity.form(form))) {
            if (r.getStatus() != 200) {
                throw ProblemException.unavailable("Keycloak refused the platform's service account (HTTP "
                        + r.getStatus() + ")");
            }
            return r.readEntity(JsonObject.class).getString("access_token");
        }
    }

    private static String baseUrl() {
        return Settings.get("hssk.keycloak.url", "HSSK_KEYCLOAK_URL", "http://localhost:8180");
    }

    private static String realm() {
        return Settings.get("hssk.keycloak.realm", "HSSK_KEYCLOAK_REALM", "hssk");
    }

    private static String adminUrl() {
        return baseUrl() + "/admin/realms/" + realm();
    }

    private static String newPassword() {
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
