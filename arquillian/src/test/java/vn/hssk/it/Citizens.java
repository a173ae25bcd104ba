package vn.hssk.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Citizens of the dev realm {@code vneid}, which plays the national identity provider, and their tokens of realm hssk
 * as a real login makes them: the authorization-code flow of client {@code hssk-web} with {@code kc_idp_hint=vneid},
 * the login form of vneid filled in, Keycloak's broker creating (or updating) the hssk account, and the code exchanged
 * for tokens. No password grant exists for a brokered account, and none is faked.
 */
public final class Citizens {

    static final String VNEID = Http.KEYCLOAK + "/admin/realms/vneid";
    private static final String REDIRECT = Http.APP + "/citizen/";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern FORM_ACTION_FIRST = Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

    private Citizens() {
    }

    /**
     * Creates (or replaces) a citizen of realm vneid: username and password {@value Keycloak#PASSWORD}, the
     * {@code personal_id} attribute unless null, names and an e-mail. Their hssk account, made by an earlier login, is
     * removed too, so the next login starts as a first one.
     */
    public static void citizen(String username, String personalId, String lastName, String firstName) {
        String admin = Keycloak.adminToken();
        for (String base : new String[] {VNEID, Http.KEYCLOAK + "/admin/realms/hssk"}) {
            JsonArray existing = Http.get(base + "/users?exact=true&username=" + username, admin).jsonArray();
            for (int i = 0; i < existing.size(); i++) {
                Http.delete(base + "/users/" + existing.getJsonObject(i).getString("id"), admin);
            }
        }
        JsonObjectBuilder attributes = Json.createObjectBuilder();
        if (personalId != null) {
            attributes.add("personal_id", Json.createArrayBuilder().add(personalId));
        }
        Http.Answer created = Http.post(VNEID + "/users", admin, Json.createObjectBuilder()
                .add("username", username).add("email", username + "@vneid.test.hssk.vn").add("emailVerified", true)
                .add("firstName", firstName).add("lastName", lastName).add("enabled", true)
                .add("attributes", attributes)
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "password")
                        .add("value", Keycloak.PASSWORD).add("temporary", false)))
                .build());
        if (created.status() != 201) {
            throw new IllegalStateException("Cannot create citizen " + username + " in realm vneid: " + created);
        }
    }

    /** An access token of realm hssk for a citizen who logs in through VNeID, as the browser would. */
    public static String token(String username) {
        Browser browser = new Browser();
        String start = Http.KEYCLOAK + "/realms/hssk/protocol/openid-connect/auth?client_id=hssk-web"
                + "&response_type=code&scope=openid&kc_idp_hint=vneid&state=it&nonce=it&redirect_uri="
                + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8);
        HttpResponse<String> page = follow(browser, get(start));
        String action = formAction(page.body());
        HttpResponse<String> after = browser.send(HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username,
                        "password", Keycloak.PASSWORD, "credentialId", "")))));
        String location = null;
        for (int hop = 0; hop < 10; hop++) {
            location = after.headers().firstValue("Location").orElse(null);
            if (location == null) {
                throw new IllegalStateException("The VNeID login of " + username + " stopped at a page ("
                        + after.statusCode() + "): " + excerpt(after.body()));
            }
            if (location.startsWith(REDIRECT)) {
                break;
            }
            after = browser.send(get(absolute(location)));
        }
        Matcher code = CODE.matcher(location);
        if (!code.find()) {
            throw new IllegalStateException("No code in " + location);
        }
        Http.Answer tokens = Http.postForm(Http.KEYCLOAK + "/realms/hssk/protocol/openid-connect/token", null, Map.of(
                "grant_type", "authorization_code", "client_id", "hssk-web", "client_secret", "hssk-web-dev-secret",
                "code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8), "redirect_uri", REDIRECT));
        if (tokens.status() != 200) {
            throw new IllegalStateException("No token for citizen " + username + ": " + tokens);
        }
        return tokens.json().getString("access_token");
    }

    private static HttpResponse<String> follow(Browser browser, HttpRequest.Builder request) {
        HttpResponse<String> response = browser.send(request);
        for (int hop = 0; hop < 10 && response.statusCode() / 100 == 3; hop++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            response = browser.send(get(absolute(location)));
        }
        return response;
    }

    private static String formAction(String html) {
        Matcher m = FORM_ACTION.matcher(html);
        if (!m.find()) {
            m = FORM_ACTION_FIRST.matcher(html);
            if (!m.find()) {
                throw new IllegalStateException("No login form on the VNeID page: " + excerpt(html));
            }
        }
        return m.group(1).replace("&amp;", "&");
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET();
    }

    private static String absolute(String location) {
        return location.startsWith("/") ? Http.KEYCLOAK + location : location;
    }

    /**
     * What a browser keeps between the pages of a login: cookies by path. Keycloak marks its cookies Secure even on
     * plain-HTTP localhost (browsers accept that there); the JDK's CookieManager would not send them back over HTTP.
     */
    private static final class Browser {

        private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        private final Map<String, Map<String, String>> cookiesByPath = new TreeMap<>();

        HttpResponse<String> send(HttpRequest.Builder request) {
            URI uri = request.build().uri();
            String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
            String cookies = cookiesByPath.entrySet().stream().filter(e -> path.startsWith(e.getKey()))
                    .flatMap(e -> e.getValue().entrySet().stream()).map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies);
            }
            HttpResponse<String> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            for (String header : response.headers().allValues("Set-Cookie")) {
                keep(header, path);
            }
            return response;
        }

        private void keep(String header, String requestPath) {
            String[] parts = header.split(";");
            int eq = parts[0].indexOf('=');
            if (eq < 1) {
                return;
            }
            String name = parts[0].substring(0, eq).trim();
            String value = parts[0].substring(eq + 1).trim();
            String path = requestPath;
            boolean gone = value.isEmpty();
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].trim().toLowerCase(java.util.Locale.ROOT);
                if (attribute.startsWith("path=")) {
                    path = parts[i].trim().substring(5);
                } else if (attribute.equals("max-age=0") || attribute.startsWith("expires=thu, 01-jan-1970")
                        || attribute.startsWith("expires=thu, 01 jan 1970")) {
                    gone = true;
                }
            }
            Map<String, String> jar = cookiesByPath.computeIfAbsent(path, p -> new LinkedHashMap<>());
            if (gone) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String excerpt(String html) {
        String text = html.replaceAll("(?s)<script.*?</script>", "").replaceAll("<[^>]+>", " ")
                .replaceAll("\\s+", " ").trim();
        return text.length() > 600 ? text.substring(0, 600) : text;
    }
}
