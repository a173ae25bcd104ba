package vn.hssk.fhir;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.hssk.export.Place;
import vn.hssk.record.Person;
import vn.hssk.unit.AdministrativeUnit;

/**
 * Part A of a person as an HL7 FHIR R4 {@code Patient}, built with JSON-P (the server's own JSON API; no FHIR library
 * is packaged, the integration tests validate the output with HAPI's R4 validator).
 * <p>
 * The identifier systems are this platform's URIs ({@link Fhir#PERSONAL_ID}, {@link Fhir#SOCIAL_INSURANCE},
 * {@link Fhir#PROVISIONAL}) until the Ministry of Health publishes official ones; replace them in {@link Fhir} then.
 * Address codes (village, commune, province) and ethnicity travel in the extensions of {@link Fhir#BASE}; a system
 * that sends a Patient in names the village with the village extension. A record merged into another is inactive and
 * links to the survivor ({@code replaced-by}).
 */
public final class FhirPatient {

    public static final String EXT_VILLAGE = Fhir.BASE + "/StructureDefinition/address-village";
    public static final String EXT_COMMUNE = Fhir.BASE + "/StructureDefinition/address-commune";
    public static final String EXT_PROVINCE = Fhir.BASE + "/StructureDefinition/address-province";
    public static final String EXT_ETHNICITY = Fhir.BASE + "/StructureDefinition/ethnicity";
    private static final String PERSONAL_ID = Fhir.PERSONAL_ID;
    private static final String SOCIAL_INSURANCE = Fhir.SOCIAL_INSURANCE;
    private static final String PROVISIONAL = Fhir.PROVISIONAL;
    private static final String UNIT_CODES = Fhir.UNIT_CODES;
    private static final String V2_0203 = Fhir.V2_0203;

    private FhirPatient() {
    }

    public static JsonObject of(Person p, String tenant) {
        JsonObjectBuilder patient = Fhir.object()
                .add("resourceType", "Patient")
                .add("id", Fhir.id(tenant, p.getId()));
        Instant updated = p.getChangedAt() != null ? p.getChangedAt() : p.getCreatedAt();
        if (updated != null) {
            patient.add("meta", Fhir.object()
                    .add("lastUpdated", updated.truncatedTo(ChronoUnit.MILLIS).toString()));
        }
        if (p.getEthnicity() != null) {
            patient.add("extension", Fhir.array().add(Fhir.object()
                    .add("url", EXT_ETHNICITY).add("valueString", p.getEthnicity())));
        }
        patient.add("identifier", identifiers(p));
        patient.add("active", !p.isVoided());
        patient.add("name", Fhir.array().add(name(p.getFullName())));
        if (p.getPhone() != null) {
            patient.add("telecom", Fhir.array().add(Fhir.object()
                    .add("system", "phone").add("value", p.getPhone())));
        }
        patient.add("gender", switch (p.getSex()) {
            case MALE -> "male";
            case FEMALE -> "female";
        });
        patient.add("birthDate", p.getBirthDate().toString());
        patient.add("address", Fhir.array().add(address(p)));
        if (p.getMergedIntoId() != null) {
            patient.add("link", Fhir.array().add(Fhir.object()
                    .add("other", Fhir.object()
                            .add("reference", "Patient/" + Fhir.id(tenant, p.getMergedIntoId())))
                    .add("type", "replaced-by")));
        }
        return patient.build();
    }

    private static JsonArrayBuilder identifiers(Person p) {
        JsonArrayBuilder ids = Fhir.array();
        if (p.getPersonalId() != null) {
            ids.add(identifier("official", "NI", "Số định danh cá nhân", PERSONAL_ID, p.getPersonalId()));
        } else {
            ids.add(identifier("temp", "MR", "Mã hồ sơ tạm thời (chưa có số định danh)", PROVISIONAL,
                    p.getProvisionalKey()));
        }
        if (p.getBhytNumber() != null) {
            ids.add(identifier("official", "SB", "Mã số BHXH", SOCIAL_INSURANCE, p.getBhytNumber()));
        }
        return ids;
    }

    private static JsonObjectBuilder identifier(String use, String typeCode, String typeText, String system,
                                                String value) {
        return Fhir.object()
                .add("use", use)
                .add("type", Fhir.object()
                        .add("coding", Fhir.array().add(Fhir.object()
                                .add("system", V2_0203).add("code", typeCode)))
                        .add("text", typeText))
                .add("system", system)
                .add("value", value);
    }

    /** Vietnamese order: family name first, then middle and given names. */
    private static JsonObjectBuilder name(String fullName) {
        List<String> words = Arrays.stream(fullName.strip().split("\\s+")).toList();
        JsonObjectBuilder name = Fhir.object().add("use", "official").add("text", fullName);
        if (words.size() > 1) {
            name.add("family", words.get(0));
            JsonArrayBuilder given = Fhir.array();
            words.subList(1, words.size()).forEach(given::add);
            name.add("given", given);
        }
        return name;
    }

    private static JsonObjectBuilder address(Person p) {
        Place place = Place.of(p);
        JsonArrayBuilder ext = Fhir.array();
        unitExtension(ext, EXT_VILLAGE, place.village());
        unitExtension(ext, EXT_COMMUNE, place.commune());
        unitExtension(ext, EXT_PROVINCE, place.province());
        List<String> parts = new ArrayList<>();
        JsonArrayBuilder lines = Fhir.array();
        if (p.getAddress() != null) {
            lines.add(p.getAddress());
            parts.add(p.getAddress());
        }
        lines.add(place.village().getName());
        parts.add(place.village().getName());
        parts.add(place.commune().getName());
        JsonObjectBuilder a = Fhir.object()
                .add("extension", ext)
                .add("use", "home")
                .add("type", "physical")
                .add("line", lines)
                .add("city", place.commune().getName());
        if (place.province() != null) {
            a.add("state", place.province().getName());
            parts.add(place.province().getName());
        }
        return a.add("text", String.join(", ", parts)).add("country", "VN");
    }

    private static void unitExtension(JsonArrayBuilder ext, String url, AdministrativeUnit unit) {
        if (unit != null) {
            ext.add(Fhir.object().add("url", url).add("valueCoding", Fhir.object()
                    .add("system", UNIT_CODES).add("code", unit.getCode()).add("display", unit.getName())));
        }
    }
}
