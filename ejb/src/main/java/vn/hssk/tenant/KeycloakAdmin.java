package vn.hssk.tenant;

import jakarta.enterprise.context.Dependent;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
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

    /**
     * An account of a province as the administrators' list shows it; {@code facility} is the facility code of a
     * hospital doctor's account, null for the others.
     */
    public record TenantAccount(String id, String username, String email, String firstName, String lastName,
                                String role, List<String> communes, boolean enabled, String facility) {
    }

    private static final String PROVINCE_ADMIN = "province-admin";
    private static final String COMMUNE_CHAIR = "commune-chair";
    private static final String STATION_STAFF = "station-staff";
    private static final String HOSPITAL_DOCTOR = "hospital-doctor";
    private static final List<String> TENANT_ROLES = List.of(PROVINCE_ADMIN, COMMUNE_CHAIR, STATION_STAFF,
            HOSPITAL_DOCTOR);
    private static final int MAX_ACCOUNTS = 1000;

    public Account createProvinceAdmin(String username, String email, String tenantCode) {
        JsonObject user = Json.createObjectBuilder()
                .add("username", username)
                .add("email", email)
                .add("attributes", Json.createObjectBuilder().add("tenant", Json.createArrayBuilder().add(tenantCode)))
                .build();
        return createAccount(user, tenantCode, PROVINCE_ADMIN, true);
    }

    /**
     * Creates the account of a commune chair or station staff member of one province, scoped to its communes, with a
     * one-time password. Any other role is refused: province and national administrators are not made from here.
     */
    public Account createCommuneAccount(String username, String email, String firstName, String lastName,
                                        String tenantCode, List<String> communes, String role) {
        if (!COMMUNE_CHAIR.equals(role) && !STATION_STAFF.equals(role)) {
            throw new IllegalArgumentException("Role " + role + " cannot be granted to a commune account");
        }
        JsonArrayBuilder communeCodes = Json.createArrayBuilder();
        communes.forEach(communeCodes::add);
        JsonObjectBuilder user = Json.createObjectBuilder()
                .add("username", username)
                .add("email", email)
                .add("emailVerified", false)
                .add("attributes", Json.createObjectBuilder()
                        .add("tenant", Json.createArrayBuilder().add(tenantCode))
                        .add("communes", communeCodes));
        if (firstName != null) {
            user.add("firstName", firstName);
        }
        if (lastName != null) {
            user.add("lastName", lastName);
        }
        return createAccount(user.build(), tenantCode, role, false);
    }

    /**
     * Creates the account of a hospital doctor of one province, scoped to the hospital's facility code (attribute and
     * token claim {@code facility}), with a one-time password.
     */
    public Account createFacilityAccount(String username, String email, String firstName, String lastName,
                                         String tenantCode, String facilityCode) {
        JsonObjectBuilder user = Json.createObjectBuilder()
                .add("username", username)
                .add("email", email)
                .add("emailVerified", false)
                .add("attributes", Json.createObjectBuilder()
                        .add("tenant", Json.createArrayBuilder().add(tenantCode))
                        .add("facility", Json.createArrayBuilder().add(facilityCode)));
        if (firstName != null) {
            user.add("firstName", firstName);
        }
        if (lastName != null) {
            user.add("lastName", lastName);
        }
        return createAccount(user.build(), tenantCode, HOSPITAL_DOCTOR, false);
    }

    /** The accounts whose {@code tenant} attribute is this province, with their platform role and communes. */
    public List<TenantAccount> tenantAccounts(String tenantCode) {
        return call((client, token) -> {
            JsonArray found = client.target(adminUrl()).path("users")
                    .queryParam("q", "tenant:" + tenantCode).queryParam("briefRepresentation", "false")
                    .queryParam("first", 0).queryParam("max", MAX_ACCOUNTS)
                    .request(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + token)
                    .get(JsonArray.class);
            List<TenantAccount> accounts = new ArrayList<>();
            for (JsonValue value : found) {
                JsonObject user = value.asJsonObject();
                if (tenantCode.equals(firstAttribute(user, "tenant"))) {
                    accounts.add(account(client, token, user));
                }
            }
            accounts.sort(Comparator.comparing(TenantAccount::username));
            return accounts;
        });
    }

    /** The account with this username if it belongs to this province; another province's account is not found. */
    public Optional<TenantAccount> tenantAccount(String tenantCode, String username) {
        return call((client, token) -> {
            JsonObject user = exactUser(client, token, username);
            if (user == null || !tenantCode.equals(firstAttribute(user, "tenant"))) {
                return Optional.empty();
            }
            return Optional.of(account(client, token, user));
        });
    }

    /** Enables or disables an account; disabling also ends its open sessions. */
    public void setEnabled(String userId, boolean enabled) {
        call((client, token) -> {
            JsonObject user = client.target(adminUrl()).path("users").path(userId)
                    .request(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + token)
                    .get(JsonObject.class);
            JsonObject changed = Json.createObjectBuilder(user).add("enabled", enabled).build();
            try (Response r = client.target(adminUrl()).path("users").path(userId).request()
                    .header("Authorization", "Bearer " + token)
                    .put(Entity.entity(changed.toString(), MediaType.APPLICATION_JSON))) {
                if (r.getStatus() != 204) {
                    throw ProblemException.unavailable("Keycloak refused to change the account (HTTP "
                            + r.getStatus() + ")");
                }
            }
            if (!enabled) {
                endSessions(client, token, userId);
            }
            return null;
        });
    }

    /** Sets the communes an account is scoped to (a reorganization moves staff to the commune that took theirs over). */
    public void setCommunes(String userId, List<String> communes) {
        setAttribute(userId, "communes", communes);
    }

    /**
     * Moves an account to another province (a merge of provinces): its {@code tenant} attribute becomes the survivor's
     * code; its role and communes stay (commune codes are national). Its open sessions end, so that its next token
     * names the new province.
     */
    public void moveToProvince(String userId, String tenantCode) {
        setAttribute(userId, "tenant", List.of(tenantCode));
        call((client, token) -> {
            endSessions(client, token, userId);
            return null;
        });
    }

    /** Ends the account's open sessions, so that its next token carries what changed. */
    private void endSessions(Client client, String token, String userId) {
        try (Response r = client.target(adminUrl()).path("users").path(userId).path("logout").request()
                .header("Authorization", "Bearer " + token).post(Entity.json("{}"))) {
            if (r.getStatus() != 204) {
                throw ProblemException.unavailable("Keycloak did not end the account's sessions (HTTP "
                        + r.getStatus() + ")");
            }
        }
    }

    private void setAttribute(String userId, String name, List<String> values) {
        call((client, token) -> {
            JsonObject user = client.target(adminUrl()).path("users").path(userId)
                    .request(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + token)
                    .get(JsonObject.class);
            JsonObject attributes = user.containsKey("attributes") ? user.getJsonObject("attributes")
                    : Json.createObjectBuilder().build();
            JsonArrayBuilder codes = Json.createArrayBuilder();
            values.forEach(codes::add);
            JsonObject changed = Json.createObjectBuilder(user)
                    .add("attributes", Json.createObjectBuilder(attributes).add(name, codes)).build();
            try (Response r = client.target(adminUrl()).path("users").path(userId).request()
                    .header("Authorization", "Bearer " + token)
                    .put(Entity.entity(changed.toString(), MediaType.APPLICATION_JSON))) {
                if (r.getStatus() != 204) {
                    throw ProblemException.unavailable("Keycloak refused to change the account's " + name
                            + " (HTTP " + r.getStatus() + ")");
                }
            }
            return null;
        });
    }

    private Account createAccount(JsonObject user, String tenantCode, String role, boolean reuseSameProvince) {
        if (!TENANT_ROLES.contains(role)) {
            throw new IllegalArgumentException("Role " + role + " cannot be granted from the application");
        }
        String username = user.getString("username");
        return call((client, token) -> {
            String password = newPassword();
            JsonObject withPassword = Json.createObjectBuilder(user)
                    .add("enabled", true)
                    .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("type", "password").add("value", password).add("temporary", true)))
                    .build();
            Account account;
            try (Response created = client.target(adminUrl()).path("users").request()
                    .header("Authorization", "Bearer " + token)
                    .post(Entity.entity(withPassword.toString(), MediaType.APPLICATION_JSON))) {
                if (created.getStatus() == 201) {
                    URI location = created.getLocation();
                    String path = location.getPath();
                    account = new Account(path.substring(path.lastIndexOf('/') + 1), username, password, false);
                } else if (created.getStatus() == 409 && reuseSameProvince) {
                    account = existing(client, token, username, tenantCode);
                } else if (created.getStatus() == 409) {
                    String why = created.readEntity(String.class);
                    throw why != null && why.contains("email")
                            ? ProblemException.conflict("email", "An account with this e-mail address already exists")
                            : ProblemException.conflict("username", "The username " + username + " is already taken");
                } else if (created.getStatus() == 400) {
                    throw refused(created.readEntity(String.class));
                } else {
                    throw ProblemException.unavailable("Keycloak refused to create the account (HTTP "
                            + created.getStatus() + ")");
                }
            }
            grantRealmRole(client, token, account.id(), role);
            return account;
        });
    }

    /** Keycloak's user profile refused a value: name the field it names. */
    private static ProblemException refused(String body) {
        String field = "username";
        String message = "Keycloak refused the account";
        try {
            JsonObject problem = Json.createReader(new java.io.StringReader(body)).readObject();
            String named = problem.getString("field", null);
            if (named != null && List.of("username", "email", "firstName", "lastName").contains(named)) {
                field = named;
            }
            message = message + ": " + problem.getString("errorMessage", "invalid value");
        } catch (RuntimeException e) {
            // not JSON: keep the generic message
        }
        return ProblemException.invalid(field, message);
    }

    private TenantAccount account(Client client, String token, JsonObject user) {
        String id = user.getString("id");
        JsonArray mappings = client.target(adminUrl()).path("users").path(id).path("role-mappings/realm")
                .request(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + token)
                .get(JsonArray.class);
        String role = mappings.stream().map(JsonValue::asJsonObject).map(r -> r.getString("name", ""))
                .filter(TENANT_ROLES::contains).findFirst().orElse(null);
        return new TenantAccount(id, user.getString("username"), user.getString("email", null),
                user.getString("firstName", null), user.getString("lastName", null), role,
                attribute(user, "communes"), user.getBoolean("enabled", false), firstAttribute(user, "facility"));
    }

    private JsonObject exactUser(Client client, String token, String username) {
        JsonArray found = client.target(adminUrl()).path("users")
                .queryParam("username", username).queryParam("exact", "true")
                .queryParam("briefRepresentation", "false")
                .request(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + token)
                .get(JsonArray.class);
        return found.stream().map(JsonValue::asJsonObject)
                .filter(u -> username.equalsIgnoreCase(u.getString("username", ""))).findFirst().orElse(null);
    }

    private static List<String> attribute(JsonObject user, String name) {
        JsonObject attributes = user.getJsonObject("attributes");
        JsonArray values = attributes == null ? null : attributes.getJsonArray(name);
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(v -> v.getValueType() == JsonValue.ValueType.STRING)
                .map(v -> ((JsonString) v).getString()).sorted().toList();
    }

    private static String firstAttribute(JsonObject user, String name) {
        List<String> values = attribute(user, name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** Runs admin API calls with a fresh client and service token, turning an unreachable Keycloak into a 503. */
    private <T> T call(BiFunction<Client, String, T> work) {
        Client client = ClientBuilder.newBuilder()
                .connectTimeout(5, TimeUnit.SECONDS).readTimeout(20, TimeUnit.SECONDS).build();
        try {
            return work.apply(client, serviceToken(client));
        } catch (ProcessingException e) {
            throw ProblemException.unavailable("Keycloak cannot be reached at " + baseUrl());
        } catch (jakarta.ws.rs.WebApplicationException e) {
            throw ProblemException.unavailable("Keycloak refused an admin request (HTTP "
                    + e.getResponse().getStatus() + ")");
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
                        && tenantCode.equals(((JsonString) v).getString()));
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
