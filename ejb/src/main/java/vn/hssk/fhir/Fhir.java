package vn.hssk.fhir;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * What every resource of the FHIR R4 API shares: the platform's URIs, the shape of its logical ids and a few JSON
 * builders.
 * <p>
 * A logical id is the province code, a hyphen and the row id ({@code 38-1042}): unique across provinces (one
 * server can answer for several), readable back into a row without a mapping table, and valid as a FHIR id. A
 * resource that does not have a row of its own carries its row's id and a suffix: the diagnoses and measurements of
 * a visit ({@code 38-77-d1}, {@code 38-77-bp}), the health department ({@code 38}). An id of another province is
 * answered as not found, like one that does not exist.
 */
public final class Fhir {

    public static final String BASE = "https://fhir.hssk.vn";
    public static final String PERSONAL_ID = BASE + "/sid/so-dinh-danh-ca-nhan";
    public static final String SOCIAL_INSURANCE = BASE + "/sid/ma-so-bhxh";
    public static final String PROVISIONAL = BASE + "/sid/ma-tam-thoi";
    public static final String FACILITY = BASE + "/sid/ma-co-so-kcb";
    public static final String LICENCE = BASE + "/sid/chung-chi-hanh-nghe";
    public static final String UNIT_CODES = BASE + "/CodeSystem/don-vi-hanh-chinh";
    public static final String VACCINES = BASE + "/CodeSystem/vac-xin";
    public static final String HISTORY_ITEMS = BASE + "/CodeSystem/tien-su";
    public static final String TEST_GROUPS = BASE + "/CodeSystem/nhom-xet-nghiem";
    public static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
    public static final String LOINC = "http://loinc.org";
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    /**
     * One builder factory for every resource: {@code Fhir.object()} looks the JSON provider up through
     * the service loader on each call, which was most of a bulk export's time.
     */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private Fhir() {
    }

    /** The logical id of row {@code rowId} of province {@code tenant}. */
    public static String id(String tenant, long rowId) {
        return tenant + "-" + rowId;
    }

    /** The logical id of a part of row {@code rowId} that has no row of its own. */
    public static String id(String tenant, long rowId, String part) {
        return tenant + "-" + rowId + "-" + part;
    }

    /** The row id in a logical id of {@code tenant} without a part, or empty for anything else. */
    public static OptionalLong rowId(String tenant, String id) {
        String[] parts = split(tenant, id);
        return parts == null || parts.length != 1 ? OptionalLong.empty() : number(parts[0]);
    }

    /** The row id and the part of a logical id of {@code tenant} with a part ({@code 38-77-bp}), or null. */
    public static PartId partId(String tenant, String id) {
        String[] parts = split(tenant, id);
        if (parts == null || parts.length != 2 || parts[1].isEmpty()) {
            return null;
        }
        OptionalLong row = number(parts[0]);
        return row.isPresent() ? new PartId(row.getAsLong(), parts[1]) : null;
    }

    /** A row id and the part of it a resource shows. */
    public record PartId(long rowId, String part) {
    }

    /** The row id of a reference {@code Type/id} of {@code tenant}, or empty. */
    public static OptionalLong referenced(String tenant, String type, String reference) {
        if (reference == null) {
            return OptionalLong.empty();
        }
        String r = reference.strip();
        int slash = r.lastIndexOf('/');
        if (slash >= 0) {
            String before = r.substring(0, slash);
            if (!before.equals(type) && !before.endsWith("/" + type)) {
                return OptionalLong.empty();
            }
            r = r.substring(slash + 1);
        }
        return rowId(tenant, r);
    }

    private static String[] split(String tenant, String id) {
        if (id == null || !ID.matcher(id).matches() || !id.startsWith(tenant + "-")) {
            return null;
        }
        return id.substring(tenant.length() + 1).split("-", -1);
    }

    private static OptionalLong number(String s) {
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(s));
    }

    /** A new JSON object builder (from the one factory). */
    public static JsonObjectBuilder object() {
        return JSON.createObjectBuilder();
    }

    /** A new JSON array builder (from the one factory). */
    public static JsonArrayBuilder array() {
        return JSON.createArrayBuilder();
    }

    static JsonObjectBuilder meta(Instant updated) {
        return Fhir.object().add("lastUpdated", updated.truncatedTo(ChronoUnit.MILLIS).toString());
    }

    static JsonObjectBuilder reference(String type, String id, String display) {
        JsonObjectBuilder r = Fhir.object().add("reference", type + "/" + id);
        if (display != null && !display.isBlank()) {
            r.add("display", display);
        }
        return r;
    }

    static JsonObjectBuilder coding(String system, String code, String display) {
        JsonObjectBuilder c = Fhir.object().add("system", system).add("code", code);
        if (display != null && !display.isBlank()) {
            c.add("display", display);
        }
        return c;
    }

    static JsonObjectBuilder concept(String system, String code, String display) {
        JsonObjectBuilder c = Fhir.object()
                .add("coding", Fhir.array().add(coding(system, code, display)));
        if (display != null && !display.isBlank()) {
            c.add("text", display);
        }
        return c;
    }

    static JsonObjectBuilder text(String text) {
        return Fhir.object().add("text", text);
    }

    static JsonArrayBuilder one(JsonObjectBuilder item) {
        return Fhir.array().add(item);
    }
}
