package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObjectBuilder;

/** Administrative units a test needs, made through the API once and found again on later runs of the same JVM. */
public final class Units {

    private Units() {
    }

    /** The id of the unit with this code, created under {@code parent} if it does not exist yet. */
    public static long ensure(String token, String code, String name, String level, String type, long parent) {
        return ensure(token, code, name, level, type, parent, null);
    }

    /** As {@link #ensure}, a unit created valid from {@code validFrom} (yyyy-MM-dd; null: the server's default). */
    public static long ensure(String token, String code, String name, String level, String type, long parent,
                              String validFrom) {
        JsonArray found = Http.get("/api/units?max=500&q=" + code, token).jsonArray();
        for (int i = 0; i < found.size(); i++) {
            if (code.equals(found.getJsonObject(i).getString("code"))) {
                return found.getJsonObject(i).getJsonNumber("id").longValue();
            }
        }
        JsonObjectBuilder body = Json.createObjectBuilder().add("code", code).add("name", name).add("level", level)
                .add("unitType", type).add("parentId", parent);
        if (validFrom != null) {
            body.add("validFrom", validFrom);
        }
        Http.Answer created = Http.post("/api/units", token, body.build());
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }

    public static long commune(String token, String code, String name) {
        return ensure(token, code, name, "COMMUNE", "xa", 1);
    }

    public static long village(String token, String code, String name, long commune) {
        return ensure(token, code, name, "VILLAGE", "thon", commune);
    }
}
