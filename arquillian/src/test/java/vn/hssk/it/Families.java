package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** Households made through the API for the citizen portal's tests, by station staff of the village's commune. */
final class Families {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /**
     * A parent (head of the household, personal ID {@code parentPid}), their young child with a BCG dose, their adult
     * child, and a young child of a neighbouring household.
     */
    record Family(String parentPid, long parent, long child, long adultChild, long neighbourChild) {
    }

    private Families() {
    }

    /** A family named {@code surname} in {@code village}: "{surname} Văn Bố", "{surname} Thị Con", "{surname} Văn Lớn". */
    static Family make(String staff, long village, String surname) {
        String code = "CD-" + SEQUENCE.incrementAndGet() + "-" + Math.floorMod(System.nanoTime(), 100_000L);
        long h = household(staff, code, village, surname + " Văn Bố");
        long neighbours = household(staff, code + "-9", village, "Hàng Xóm");
        LocalDate parentBorn = LocalDate.of(1986, 4, 5);
        String parentPid = pid(true, parentBorn);
        long parent = person(staff, surname + " Văn Bố", "MALE", parentBorn, parentPid, village, h, "HEAD");
        LocalDate childBorn = Epi.today().minusMonths(5).withDayOfMonth(3);
        long child = person(staff, surname + " Thị Con", "FEMALE", childBorn, null, village, h, "CHILD");
        assertEquals(201, Http.post("/api/persons/" + child + "/immunizations", staff,
                Epi.historical("BCG", 1, childBorn.plusDays(1)).build()).status());
        LocalDate adultBorn = Epi.today().minusYears(19);
        long adult = person(staff, surname + " Văn Lớn", "MALE", adultBorn, pid(true, adultBorn), village, h,
                "CHILD");
        long neighbour = person(staff, "Hàng Xóm Con", "MALE", childBorn, null, village, neighbours, "CHILD");
        return new Family(parentPid, parent, child, adult, neighbour);
    }

    private static long household(String staff, String code, long village, String head) {
        Http.Answer created = Http.post("/api/households", staff, Json.createObjectBuilder().add("code", code)
                .add("villageId", village).add("headName", head).build());
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }

    static long person(String staff, String name, String sex, LocalDate born, String pid, long villageId,
                       Long household, String relation) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("fullName", name).add("sex", sex)
                .add("birthDate", born.toString()).add("villageId", villageId);
        if (pid != null) {
            body.add("personalId", pid);
        }
        if (household != null) {
            body.add("householdId", household).add("relationToHead", relation);
        }
        Http.Answer created = Http.post("/api/persons", staff, body.build());
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }

    /** A personal ID of province prefix 038 that agrees with sex and year of birth, random in its last six digits. */
    static String pid(boolean male, LocalDate born) {
        int century = (born.getYear() / 100 - 19) * 2 + (male ? 0 : 1);
        return "038" + century + String.format("%02d", born.getYear() % 100)
                + String.format("%06d", Math.floorMod(System.nanoTime(), 1_000_000L));
    }
}
