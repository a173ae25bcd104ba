package vn.hssk.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's login to the screens without a browser: the OIDC code flow through Keycloak's real login form, ending
 * with the application's session cookie, as a logged-in station worker's browser holds it. The attack tests send
 * that cookie from "another site"; the screens' own pages are read through it too.
 */
public final class WebSession {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern VIEW_STATE = Pattern.compile(
            "name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    /**
     * Cookies by host and port, kept by hand: Keycloak marks its login cookies {@code Secure} even on
     * {@code http://localhost}, which browsers accept there but {@code java.net.CookieManager} never sends back.
     */
    private final Map<String, Map<String, String>> cookies = new HashMap<>();
    private String sessionCookieHeader;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private WebSession() {
    }

    /** Signs {@code username} (password {@value Keycloak#PASSWORD}) in to the screens, starting at {@code page}. */
    public static WebSession login(String username, String page) {
        WebSession session = new WebSession();
        HttpResponse<String> loginPage = session.exchange(HttpRequest.newBuilder(URI.create(Http.APP + page))
                .header("Accept", "text/html").GET());
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        if (!action.find()) {
            throw new IllegalStateException("No Keycloak login form at " + loginPage.uri() + ": " + loginPage.body());
        }
        String form = "username=" + enc(username) + "&password=" + enc(Keycloak.PASSWORD) + "&credentialId=";
        HttpResponse<String> landed = session.exchange(HttpRequest.newBuilder(
                        URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (!landed.uri().toString().startsWith(Http.APP) || session.cookie() == null) {
            throw new IllegalStateException("Login of " + username + " ended at " + landed.uri() + " ("
                    + landed.statusCode() + ") without a session: " + landed.body());
        }
        return session;
    }

    /** The application's session cookie, as {@code JSESSIONID=...}. */
    public String cookie() {
        String value = cookies.getOrDefault(hostOf(URI.create(Http.APP)), Map.of()).get("JSESSIONID");
        return value == null ? null : "JSESSIONID=" + value;
    }

    /** The {@code Set-Cookie} header that gave the application's session cookie, with its attributes. */
    public String sessionCookieHeader() {
        return sessionCookieHeader;
    }

    /** A page of the screens read in this session (its HTML). */
    public String page(String path) {
        HttpResponse<String> r = exchange(HttpRequest.newBuilder(URI.create(Http.APP + path))
                .header("Accept", "text/html").GET());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** The Faces view state of a page's form. */
    public static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("No view state in " + html);
        }
        return m.group(1).replace("&#58;", ":").replace("&amp;", "&");
    }

    /** Sends the request with this session's cookies and follows redirects as a browser does (GET after a POST). */
    private HttpResponse<String> exchange(HttpRequest.Builder request) {
        HttpRequest next = request.timeout(Duration.ofSeconds(60)).build();
        for (int hop = 0; hop < 20; hop++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(next.uri()).timeout(Duration.ofSeconds(60))
                    .method(next.method(), next.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()));
            next.headers().map().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
            Map<String, String> jar = cookies.getOrDefault(hostOf(next.uri()), Map.of());
            if (!jar.isEmpty()) {
                b.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> r = send(b.build());
            URI from = next.uri();
            r.headers().allValues("Set-Cookie").forEach(header -> remember(from, header));
            String location = r.headers().firstValue("Location").orElse(null);
            if (r.statusCode() / 100 != 3 || location == null) {
                return r;
            }
            next = HttpRequest.newBuilder(next.uri().resolve(location)).header("Accept", "text/html").GET().build();
        }
        throw new IllegalStateException("Too many redirects from " + request.build().uri());
    }

    private void remember(URI uri, String setCookie) {
        if (setCookie.startsWith("JSESSIONID=")) {
            sessionCookieHeader = setCookie;
        }
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq > 0) {
            Map<String, String> jar = cookies.computeIfAbsent(hostOf(uri), h -> new HashMap<>());
            String value = pair.substring(eq + 1).trim();
            boolean expired = setCookie.toLowerCase(Locale.ROOT).contains("max-age=0");
            if (value.isEmpty() || expired) {
                jar.remove(pair.substring(0, eq).trim());
            } else {
                jar.put(pair.substring(0, eq).trim(), value);
            }
        }
    }

    private static String hostOf(URI uri) {
        return uri.getHost() + ":" + uri.getPort();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
