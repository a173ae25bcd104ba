package vn.hssk.fhir;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import vn.hssk.household.Sex;
import vn.hssk.immunization.DoseDetails;
import vn.hssk.immunization.DoseSource;
import vn.hssk.record.PersonDetails;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;
import vn.hssk.unit.UnitRepository;

/**
 * Reads what another system sends in, a {@code Patient} or an {@code Immunization} (FHIR R4 JSON), into the details
 * the screens' use cases take. What cannot be read is refused with the element named ({@code Patient.birthDate});
 * the use case's own refusals are renamed to elements by {@link #element}. A dose that comes in this way is always a
 * past dose entered from another record: another system's dose never takes anything from a station's stock.
 */
@Dependent
public class FhirInput {

    private static final Map<String, String> PATIENT_ELEMENTS = Map.ofEntries(
            Map.entry("fullName", "Patient.name"), Map.entry("sex", "Patient.gender"),
            Map.entry("birthDate", "Patient.birthDate"), Map.entry("personalId", "Patient.identifier"),
            Map.entry("bhytNumber", "Patient.identifier"), Map.entry("phone", "Patient.telecom"),
            Map.entry("villageId", "Patient.address"), Map.entry("address", "Patient.address.line"),
            Map.entry("ethnicity", "Patient.extension"));
    private static final Map<String, String> IMMUNIZATION_ELEMENTS = Map.ofEntries(
            Map.entry("personId", "Immunization.patient"), Map.entry("vaccine", "Immunization.vaccineCode"),
            Map.entry("doseNumber", "Immunization.protocolApplied.doseNumber"),
            Map.entry("givenOn", "Immunization.occurrence"), Map.entry("place", "Immunization.location"),
            Map.entry("givenBy", "Immunization.performer"),
            Map.entry("overrideReason", "Immunization.extension"));

    @Inject
    private UnitRepository units;

    /** A dose to record, and on whom. */
    public record Dose(long personId, DoseDetails details) {
    }

    /** The FHIR element a field of the screens' use cases stands for, for an OperationOutcome's expression. */
    public static String element(String type, String field) {
        if (field == null) {
            return null;
        }
        if (field.contains(".") && Character.isUpperCase(field.charAt(0))) {
            return field;
        }
        Map<String, String> elements = "Patient".equals(type) ? PATIENT_ELEMENTS
                : "Immunization".equals(type) ? IMMUNIZATION_ELEMENTS : Map.of();
        return elements.getOrDefault(field, type + "." + field);
    }

    PersonDetails person(JsonObject p) {
        requireType(p, "Patient");
        List<FieldError> errors = new ArrayList<>();
        String fullName = name(p);
        if (fullName == null) {
            errors.add(FieldError.coded("Patient.name", "fhir.name",
                    "A Patient needs a name (name.text, or family and given)"));
        }
        String gender = string(p, "gender");
        Sex sex = switch (gender == null ? "" : gender) {
            case "male" -> Sex.MALE;
            case "female" -> Sex.FEMALE;
            case "" -> {
                errors.add(FieldError.coded("Patient.gender", "fhir.gender", "gender is male or female"));
                yield null;
            }
            default -> {
                errors.add(FieldError.coded("Patient.gender", "fhir.gender", "gender is male or female"));
                yield null;
            }
        };
        LocalDate born = date(p, "birthDate", "Patient.birthDate", errors, true);
        String personalId = null;
        String bhxh = null;
        for (JsonObject id : objects(p, "identifier")) {
            String system = id.getString("system", "");
            String value = id.getString("value", null);
            if (Fhir.PERSONAL_ID.equals(system)) {
                personalId = value;
            } else if (Fhir.SOCIAL_INSURANCE.equals(system)) {
                bhxh = value;
            }
        }
        String phone = null;
        for (JsonObject t : objects(p, "telecom")) {
            if ("phone".equals(t.getString("system", null)) && phone == null) {
                phone = t.getString("value", null);
            }
        }
        String ethnicity = null;
        for (JsonObject e : objects(p, "extension")) {
            if (FhirPatient.EXT_ETHNICITY.equals(e.getString("url", null))) {
                ethnicity = e.getString("valueString", null);
            }
        }
        Long villageId = null;
        String line = null;
        List<JsonObject> addresses = objects(p, "address");
        if (!addresses.isEmpty()) {
            JsonObject a = addresses.get(0);
            String villageCode = null;
            for (JsonObject e : objects(a, "extension")) {
                if (FhirPatient.EXT_VILLAGE.equals(e.getString("url", null)) && e.containsKey("valueCoding")) {
                    villageCode = e.getJsonObject("valueCoding").getString("code", null);
                }
            }
            if (villageCode != null) {
                AdministrativeUnit village = units.findCurrentByCode(villageCode)
                        .filter(u -> u.getLevel() == UnitLevel.VILLAGE).orElse(null);
                if (village == null) {
                    errors.add(FieldError.coded("Patient.address.extension", "fhir.village",
                            "No current village with code " + villageCode + " in this province", villageCode));
                } else {
                    villageId = village.getId();
                    List<String> lines = strings(a, "line");
                    if (!lines.isEmpty() && !lines.get(0).equals(village.getName())) {
                        line = lines.get(0);
                    }
                }
            }
        }
        if (villageId == null && errors.stream().noneMatch(e -> e.field().startsWith("Patient.address"))) {
            errors.add(FieldError.coded("Patient.address", "fhir.villageMissing", "A Patient names its village with"
                    + " the extension " + FhirPatient.EXT_VILLAGE + " of its first address", FhirPatient.EXT_VILLAGE));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new PersonDetails(fullName, sex, born, personalId, bhxh, ethnicity, null, null, phone, villageId, line,
                null, null, null, null);
    }

    Dose dose(String tenant, JsonObject i) {
        requireType(i, "Immunization");
        List<FieldError> errors = new ArrayList<>();
        if (!"completed".equals(i.getString("status", "completed"))) {
            errors.add(FieldError.coded("Immunization.status", "fhir.status", "Only completed doses are recorded"));
        }
        OptionalLong person = OptionalLong.empty();
        JsonObject patient = i.containsKey("patient") && i.get("patient") instanceof JsonObject o ? o : null;
        if (patient != null) {
            person = Fhir.referenced(tenant, "Patient", patient.getString("reference", null));
        }
        if (person.isEmpty()) {
            errors.add(FieldError.coded("Immunization.patient", "fhir.patientReference",
                    "The patient is a reference to a Patient of this province (Patient/" + tenant + "-...)", tenant));
        }
        String vaccine = null;
        if (i.get("vaccineCode") instanceof JsonObject concept) {
            for (JsonObject c : objects(concept, "coding")) {
                if (vaccine == null || Fhir.VACCINES.equals(c.getString("system", null))) {
                    vaccine = c.getString("code", vaccine);
                }
            }
        }
        if (vaccine == null) {
            errors.add(FieldError.coded("Immunization.vaccineCode", "fhir.vaccineCode",
                    "vaccineCode needs a coding of " + Fhir.VACCINES, Fhir.VACCINES));
        }
        LocalDate givenOn = date(i, "occurrenceDateTime", "Immunization.occurrence", errors, true);
        Integer doseNumber = null;
        List<JsonObject> protocol = objects(i, "protocolApplied");
        if (!protocol.isEmpty()) {
            JsonValue n = protocol.get(0).get("doseNumberPositiveInt");
            if (n instanceof JsonNumber number && number.isIntegral()) {
                doseNumber = number.intValue();
            } else if (protocol.get(0).get("doseNumberString") instanceof JsonString s
                    && s.getString().strip().matches("[1-9][0-9]?")) {
                doseNumber = Integer.parseInt(s.getString().strip());
            }
        }
        if (doseNumber == null) {
            errors.add(FieldError.coded("Immunization.protocolApplied.doseNumber", "fhir.doseNumber",
                    "protocolApplied[0].doseNumberPositiveInt says which dose this is"));
        }
        String givenBy = null;
        for (JsonObject performer : objects(i, "performer")) {
            if (performer.get("actor") instanceof JsonObject actor && !actor.containsKey("reference")
                    && givenBy == null) {
                givenBy = actor.getString("display", null);
            }
        }
        String place = i.get("location") instanceof JsonObject location ? location.getString("display", null) : null;
        String override = null;
        for (JsonObject e : objects(i, "extension")) {
            if (FhirClinical.EXT_OVERRIDE_REASON.equals(e.getString("url", null))) {
                override = e.getString("valueString", null);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Dose(person.getAsLong(), new DoseDetails(vaccine, doseNumber, givenOn, DoseSource.HISTORICAL, null,
                null, null, givenBy, place, override));
    }

    private static void requireType(JsonObject r, String type) {
        if (!type.equals(r.getString("resourceType", null))) {
            throw ProblemException.invalid(FieldError.coded("resourceType", "fhir.resourceType",
                    "The body is a " + type + " resource", type));
        }
    }

    private static String name(JsonObject p) {
        for (JsonObject n : objects(p, "name")) {
            String text = n.getString("text", null);
            if (text != null && !text.isBlank()) {
                return text;
            }
            String family = n.getString("family", "");
            List<String> given = strings(n, "given");
            String joined = (family + " " + String.join(" ", given)).strip();
            if (!joined.isEmpty()) {
                return joined;
            }
        }
        return null;
    }

    private static String string(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? s.getString() : null;
    }

    private static LocalDate date(JsonObject o, String key, String element, List<FieldError> errors,
                                  boolean required) {
        String v = string(o, key);
        if (v == null) {
            if (required) {
                errors.add(FieldError.coded(element, "required", element + " is required", element));
            }
            return null;
        }
        try {
            return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.coded(element, "fhir.date", element + " is a full date (yyyy-MM-dd): " + v,
                    element, v));
            return null;
        }
    }

    private static List<JsonObject> objects(JsonObject o, String key) {
        if (!(o.get(key) instanceof JsonArray array)) {
            return List.of();
        }
        return array.stream().filter(v -> v instanceof JsonObject).map(JsonValue::asJsonObject).toList();
    }

    private static List<String> strings(JsonObject o, String key) {
        if (!(o.get(key) instanceof JsonArray array)) {
            return List.of();
        }
        return array.stream().filter(v -> v instanceof JsonString).map(v -> ((JsonString) v).getString()).toList();
    }
}
