package vn.hssk.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Coverage of the birth cohort turning one last month, by village, commune and province, as JSON and XLSX; national
 * administrators get province totals only. Commune 21031 is this class's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CoverageIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static final List<Object[]> FIRST_YEAR = List.of(new Object[] {"HEPB-MONOVALENT", 1, 0},
            new Object[] {"BCG", 1, 0}, new Object[] {"DPT-VGB-HIB", 1, 2}, new Object[] {"DPT-VGB-HIB", 2, 3},
            new Object[] {"DPT-VGB-HIB", 3, 4}, new Object[] {"OPV", 1, 2}, new Object[] {"OPV", 2, 3},
            new Object[] {"OPV", 3, 4}, new Object[] {"IPV", 1, 5}, new Object[] {"IPV", 2, 9},
            new Object[] {"MEASLES-MONOVALENT", 1, 9});

    private static Optional<JsonObject> row(JsonArray rows, String level, String code, String indicator) {
        return rows.stream().map(JsonObject.class::cast).filter(r -> level.equals(r.getString("level"))
                && code.equals(r.getString("unitCode")) && indicator.equals(r.getString("indicator"))).findFirst();
    }

    @Test
    void coverageCountsTheCohortTurningOneByVillageCommuneAndProvince() throws Exception {
        Tenants.ensureBoth();
        String th = Keycloak.token("th-admin");
        long commune = Epi.unit(th, "21031", "Xã Bao Phủ", "COMMUNE", "xa", 1);
        long village = Epi.unit(th, "21031-01", "Thôn Phủ", "VILLAGE", "thon", commune);
        Keycloak.user("cov-staff-21031", "station-staff", "38", List.of("21031"));
        Keycloak.user("cov-staff-21032", "station-staff", "38", List.of("21032"));
        String staff = Keycloak.token("cov-staff-21031");
        YearMonth month = YearMonth.from(Epi.today()).minusMonths(1);
        LocalDate born = month.minusMonths(12).atDay(5);
        long full = register(staff, "Lý Văn Đủ", born, village);
        long partial = register(staff, "Lý Thị Thiếu", born, village);
        for (Object[] d : FIRST_YEAR) {
            Http.Answer a = Http.post("/api/persons/" + full + "/immunizations", staff,
                    Epi.historical((String) d[0], (Integer) d[1], born.plusMonths((Integer) d[2])).build());
            assertEquals(201, a.status(), a::toString);
        }
        assertEquals(201, Http.post("/api/persons/" + partial + "/immunizations", staff,
                Epi.historical("BCG", 1, born.plusDays(1)).build()).status());

        String query = "from=" + month + "&to=" + month;
        JsonArray rows = Http.get("/api/coverage?unit=" + commune + "&" + query, staff).jsonArray();
        JsonObject fic = row(rows, "COMMUNE", "21031", "FULLY_IMMUNIZED").orElseThrow(() -> new AssertionError(rows.toString()));
        assertEquals(2, fic.getInt("cohort"));
        assertEquals(1, fic.getInt("vaccinated"));
        assertEquals(2, row(rows, "VILLAGE", "21031-01", "BCG#1").orElseThrow().getInt("vaccinated"));
        assertEquals(1, row(rows, "VILLAGE", "21031-01", "MEASLES-MONOVALENT#1").orElseThrow().getInt("vaccinated"));

        JsonArray province = Http.get("/api/coverage?" + query, th).jsonArray();
        assertTrue(row(province, "PROVINCE", "38", "FULLY_IMMUNIZED").orElseThrow().getInt("cohort") >= 2);
        assertEquals(2, row(province, "COMMUNE", "21031", "FULLY_IMMUNIZED").orElseThrow().getInt("cohort"));

        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Http.APP
                        + "/api/coverage/xlsx?unit=" + commune + "&" + query)).header("Authorization", "Bearer " + staff)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, xlsx.statusCode());
        assertEquals("PK", new String(xlsx.body(), 0, 2), "an XLSX (zip) file");

        Epi.assertField(Http.get("/api/coverage?unit=" + commune + "&from=2026-13&to=" + month, staff), 400, "from");
        Epi.assertField(Http.get("/api/coverage?unit=" + commune + "&from=" + month + "&to="
                + month.minusMonths(1), staff), 400, "to");
        assertEquals(404, Http.get("/api/coverage?unit=" + commune + "&" + query,
                Keycloak.token("cov-staff-21032")).status());
        assertEquals(404, Http.get("/api/coverage?unit=1&" + query, staff).status(), "a commune user sees no province");

        String national = Keycloak.token("national-admin");
        assertEquals(403, Http.get("/api/coverage?" + query, national).status());
        JsonArray totals = Http.get("/api/coverage/national?" + query, national).jsonArray();
        assertTrue(totals.stream().map(JsonObject.class::cast).allMatch(r -> "PROVINCE".equals(r.getString("level"))),
                "national administrators see province totals only");
        assertTrue(row(totals, "PROVINCE", "38", "FULLY_IMMUNIZED").orElseThrow().getInt("vaccinated") >= 1);
        assertEquals(403, Http.get("/api/coverage/national?" + query, th).status());
    }

    private static long register(String staff, String name, LocalDate born, long village) {
        String pid = "0383" + String.format("%02d", born.getYear() % 100)
                + String.format("%06d", (int) Math.floorMod(System.nanoTime(), 1_000_000L));
        Http.Answer a = Http.post("/api/persons", staff, Json.createObjectBuilder().add("fullName", name)
                .add("sex", "FEMALE").add("birthDate", born.toString()).add("personalId", pid)
                .add("villageId", village).build());
        assertEquals(201, a.status(), a::toString);
        return a.json().getJsonNumber("id").longValue();
    }
}
