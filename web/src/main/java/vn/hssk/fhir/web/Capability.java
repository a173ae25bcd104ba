package vn.hssk.fhir.web;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalDate;
import java.util.Map;
import vn.hssk.fhir.Fhir;
import vn.hssk.fhir.FhirService;

/**
 * The CapabilityStatement of {@code /fhir/metadata}, made from the same lists the servlet and {@link FhirService}
 * act on (the types, each type's search parameters, which types take a create), so it cannot promise what the server
 * does not do.
 */
final class Capability {

    private static final Map<String, String> PARAM_TYPES = Map.ofEntries(
            Map.entry("_id", "token"), Map.entry("identifier", "token"), Map.entry("name", "string"),
            Map.entry("birthdate", "date"), Map.entry("gender", "token"), Map.entry("_lastUpdated", "date"),
            Map.entry("patient", "reference"), Map.entry("subject", "reference"), Map.entry("date", "date"),
            Map.entry("category", "token"), Map.entry("code", "token"), Map.entry("vaccine-code", "token"),
            Map.entry("partof", "reference"));
    private static final Map<String, String> PARAM_NOTES = Map.of(
            "name", "Any word of the name, from its start, with or without Vietnamese diacritics",
            "identifier", "Personal ID, BHXH number or provisional key; system|value or value",
            "patient", "Required for this type: Patient/{id}; a whole province comes out with $export",
            "subject", "Same as patient",
            "_lastUpdated", "Prefixes eq, ge, gt, le, lt; a day or an instant with its offset",
            "date", "Prefixes eq, ge, gt, le, lt; a year, a month or a day",
            "birthdate", "Prefixes eq, ge, gt, le, lt; a year, a month or a day");

    private Capability() {
    }

    static JsonObject statement(String base) {
        JsonArrayBuilder resources = Fhir.array();
        for (String type : FhirService.TYPES) {
            JsonArrayBuilder interactions = Fhir.array()
                    .add(code("read")).add(code("search-type"));
            if ("Patient".equals(type) || "Immunization".equals(type)) {
                interactions.add(code("create"));
            }
            JsonArrayBuilder params = Fhir.array();
            for (String name : FhirService.SEARCH_PARAMS.get(type)) {
                JsonObjectBuilder p = Fhir.object().add("name", name)
                        .add("type", PARAM_TYPES.get(name));
                String note = PARAM_NOTES.get(name);
                if (note != null && (!"patient".equals(name) || FhirService.PATIENT_TYPES.contains(type))) {
                    p.add("documentation", note);
                }
                params.add(p);
            }
            JsonObjectBuilder r = Fhir.object()
                    .add("type", type)
                    .add("interaction", interactions)
                    .add("versioning", "no-version")
                    .add("readHistory", false)
                    .add("updateCreate", false)
                    .add("searchParam", params);
            if ("Patient".equals(type)) {
                r.add("operation", Fhir.array().add(Fhir.object()
                        .add("name", "everything")
                        .add("definition", "http://hl7.org/fhir/OperationDefinition/Patient-everything")));
            }
            resources.add(r);
        }
        JsonObjectBuilder rest = Fhir.object()
                .add("mode", "server")
                .add("documentation", "Bearer tokens of the Keycloak realm hssk (clients hssk-web, hssk-cli); a"
                        + " caller sees their province, and station staff and commune chairs their communes only."
                        + " Paging: _count (at most " + FhirServlet.MAX_COUNT + ") and _offset, with next links.")
                .add("security", Fhir.object()
                        .add("cors", false)
                        .add("service", Fhir.array().add(Fhir.object()
                                .add("coding", Fhir.array().add(Fhir.object()
                                        .add("system",
                                                "http://terminology.hl7.org/CodeSystem/restful-security-service")
                                        .add("code", "OAuth"))))))
                .add("resource", resources)
                .add("operation", Fhir.array().add(Fhir.object()
                        .add("name", "export")
                        .add("definition", "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export")
                        .add("documentation", "Province administrators: the whole province as NDJSON, with _type"
                                + " and _since; GET or POST, Prefer: respond-async")));
        return Fhir.object()
                .add("resourceType", "CapabilityStatement")
                .add("status", "active")
                .add("date", LocalDate.now().toString())
                .add("publisher", "hssk")
                .add("kind", "instance")
                .add("software", Fhir.object().add("name", "hssk"))
                .add("implementation", Fhir.object()
                        .add("description", "Hồ sơ sức khỏe: FHIR R4 API").add("url", base))
                .add("fhirVersion", "4.0.1")
                .add("format", Fhir.array().add("json").add(FhirServlet.FHIR_JSON))
                .add("rest", Fhir.array().add(rest))
                .build();
    }

    private static JsonObjectBuilder code(String code) {
        return Fhir.object().add("code", code);
    }
}
