package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.concurrent.atomic.AtomicInteger;

/** Persons (part A) for tests: valid fresh personal IDs, request bodies, registration, and problem assertions. */
public final class People {

    private static final AtomicInteger SEQUENCE =
            new AtomicInteger((int) Math.floorMod(System.nanoTime() / 7, 700_000L));

    private People() {
    }

    /** A fresh personal ID: province prefix, century/sex digit, the year's last two digits, six unique digits. */
    public static String pid(String prefix, char centuryDigit, int year) {
        return prefix + centuryDigit + String.format("%02d", year % 100)
                + String.format("%06d", SEQUENCE.incrementAndGet() % 1_000_000);
    }

    public static JsonObjectBuilder person(String name, String sex, String born, String pid, long village) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("fullName", name).add("sex", sex)
                .add("birthDate", born).add("villageId", village);
        if (pid != null) {
            b.add("personalId", pid);
        }
        return b;
    }

    public static JsonObject register(String token, JsonObjectBuilder person) {
        Http.Answer created = Http.post("/api/persons", token, person.build());
        assertEquals(201, created.status(), created::toString);
        return created.json();
    }

    public static long id(JsonObject o) {
        return o.getJsonNumber("id").longValue();
    }

    public static void assertField(Http.Answer answer, int status, String field) {
        assertEquals(status, answer.status(), answer::toString);
        assertTrue(answer.isProblem(), answer::toString);
        assertEquals(field, answer.json().getString("field"), answer::toString);
    }
}
