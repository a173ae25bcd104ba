package vn.hssk.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** A small HTTP client for the tests: the app's REST API and Keycloak, with real tokens. */
public final class Http {

    public static final String APP = "http://localhost:8080";
    public static final String KEYCLOAK = "http://localhost:" + System.getProperty("hssk.keycloak.port", "8180");

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** An answer: status, content type and body. */
    public record Answer(int status, String contentType, String body) {

        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public JsonArray jsonArray() {
            return Json.createReader(new StringReader(body)).readArray();
        }

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        /** The entry of a problem's {@code errors} for a field: its {@code message} and, if coded, {@code code}. */
        public JsonObject error(String field) {
            return json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                    .filter(e -> field.equals(e.getString("field"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no error on " + field + " in " + this));
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    private Http() {
    }

    public static Answer get(String url, String token) {
        return send(request(url, token).GET().build());
    }

    public static Answer post(String url, String token, JsonStructure body) {
        return send(request(url, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body.toString())).build());
    }

    /** A JSON POST asking for answers (and problem messages) in a language, e.g. "vi". */
    public static Answer post(String url, String token, JsonStructure body, String language) {
        return send(request(url, token).header("Content-Type", "application/json").header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    public static Answer postRaw(String url, String token, String contentType, String body) {
        return send(request(url, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Any method-less exchange: a POST with a body of the given type when body is not null, else a GET. */
    public static Answer send(String url, String token, String contentType, String body, String accept) {
        return send(url, token, contentType, body, accept, null);
    }

    /** The same exchange asking for answers (and messages) in a language, e.g. "vi"; none when null. */
    public static Answer send(String url, String token, String contentType, String body, String accept,
                              String language) {
        HttpRequest.Builder b = request(url, token).setHeader("Accept", accept);
        if (language != null) {
            b.header("Accept-Language", language);
        }
        if (body != null) {
            b.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.GET();
        }
        return send(b.build());
    }

    public static Answer put(String url, String token, JsonStructure body) {
        return send(request(url, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    public static Answer delete(String url, String token) {
        return send(request(url, token).DELETE().build());
    }

    public static Answer postForm(String url, String token, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(url, token).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : APP + url))
                .timeout(Duration.ofSeconds(90))
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
