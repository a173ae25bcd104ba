package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixtures of the immunization tests (unit codes 21000-21999): communes with villages and a station, newborns, lots
 * received and allocated. Everything is made through the API as the province administrator or station staff would.
 */
final class Epi {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) Math.floorMod(System.nanoTime(), 500_000L));

    private Epi() {
    }

    /** Today where the server counts days (a dose "in the future" is after this day in Vietnam). */
    static LocalDate today() {
        return LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    /** A current unit of province 38, made unless it exists. */
    static long unit(String token, String code, String name, String level, String type, long parent) {
        return Units.ensure(token, code, name, level, type, parent);
    }

    /**
     * The open main station of a commune, opened unless there is one; its facility code is 387 and the commune's last
     * two digits, a range the other tests do not use.
     */
    static long station(String adminToken, String communeCode, String name) {
        return station(adminToken, communeCode, name, "387" + communeCode.substring(3));
    }

    /** The open main station of a commune, opened with this facility code unless there is one. */
    static long station(String adminToken, String communeCode, String name, String facilityCode) {
        JsonArray found = Http.get("/api/stations?commune=" + communeCode, adminToken).jsonArray();
        if (!found.isEmpty()) {
            return found.getJsonObject(0).getJsonNumber("id").longValue();
        }
        Http.Answer created = Http.post("/api/stations", adminToken, Json.createObjectBuilder().add("name", name)
                .add("commune", communeCode).add("facilityCode", facilityCode).build());
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }

    /** A newborn (provisional record, no personal ID yet) born on {@code born}. */
    static long newborn(String staffToken, String name, LocalDate born, long village) {
        Http.Answer created = Http.post("/api/persons", staffToken, Json.createObjectBuilder().add("fullName", name)
                .add("sex", SEQUENCE.get() % 2 == 0 ? "MALE" : "FEMALE").add("birthDate", born.toString())
                .add("villageId", village).build());
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }

    static String lotNumber(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    /** Receives a lot at the province; answers its id. */
    static long lot(String adminToken, String vaccine, String lotNumber, LocalDate expiry, int quantity) {
        return lot(adminToken, vaccine, lotNumber, expiry, quantity, today());
    }

    static long lot(String adminToken, String vaccine, String lotNumber, LocalDate expiry, int quantity,
                    LocalDate receivedOn) {
        Http.Answer created = Http.post("/api/lots", adminToken, Json.createObjectBuilder().add("vaccine", vaccine)
                .add("lotNumber", lotNumber).add("expiry", expiry.toString()).add("quantity", quantity)
                .add("receivedOn", receivedOn.toString()).build());
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }

    static void allocate(String adminToken, long lot, long station, int quantity) {
        allocate(adminToken, lot, station, quantity, today());
    }

    static void allocate(String adminToken, long lot, long station, int quantity, LocalDate on) {
        Http.Answer a = Http.post("/api/lots/" + lot + "/allocations", adminToken, Json.createObjectBuilder()
                .add("stationId", station).add("quantity", quantity).add("on", on.toString()).build());
        assertEquals(201, a.status(), a::toString);
    }

    /** A lot received and all of it allocated to the station. */
    static long stockedLot(String adminToken, String vaccine, long station, int quantity) {
        long lot = lot(adminToken, vaccine, lotNumber(vaccine), today().plusYears(1), quantity);
        allocate(adminToken, lot, station, quantity);
        return lot;
    }

    static JsonObjectBuilder given(String vaccine, int doseNumber, LocalDate on, long station, long lot) {
        return Json.createObjectBuilder().add("vaccine", vaccine).add("doseNumber", doseNumber)
                .add("givenOn", on.toString()).add("source", "GIVEN").add("stationId", station).add("lotId", lot)
                .add("site", "LEFT_THIGH").add("givenBy", "Y sĩ Lê Thị Hoa");
    }

    static JsonObjectBuilder historical(String vaccine, int doseNumber, LocalDate on) {
        return Json.createObjectBuilder().add("vaccine", vaccine).add("doseNumber", doseNumber)
                .add("givenOn", on.toString()).add("source", "HISTORICAL").add("place", "Bệnh viện huyện");
    }

    /** The station's balance of the lot as the API shows it (0 when absent). */
    static int balance(String token, long station, long lot) {
        JsonArray lines = Http.get("/api/stock?withEmpty=true&station=" + station, token).jsonArray();
        for (int i = 0; i < lines.size(); i++) {
            JsonObject line = lines.getJsonObject(i);
            if (line.getJsonNumber("lotId").longValue() == lot) {
                return line.getInt("balance");
            }
        }
        return 0;
    }

    static void assertField(Http.Answer answer, int status, String field) {
        assertEquals(status, answer.status(), answer::toString);
        assertEquals(true, answer.isProblem(), answer::toString);
        assertEquals(field, answer.json().getString("field"), answer::toString);
    }
}
