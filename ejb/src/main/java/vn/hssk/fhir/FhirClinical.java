package vn.hssk.fhir;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.hssk.immunization.Immunization;
import vn.hssk.immunization.InjectionSite;
import vn.hssk.immunization.DoseSource;
import vn.hssk.record.HistoryCategory;
import vn.hssk.record.HistoryEntry;
import vn.hssk.record.Visit;
import vn.hssk.record.VisitDiagnosis;
import vn.hssk.record.VisitTest;
import vn.hssk.shared.Audited;

/**
 * Parts B, C and D of a record as FHIR R4 resources (JSON-P), in Vietnamese where the data is. Part C doses are
 * {@code Immunization}s; a part D visit is an {@code Encounter} with its vital signs and tests as {@code Observation}s
 * and its diagnoses as {@code Condition}s ({@code encounter-diagnosis}); of part B, allergies become
 * {@code AllergyIntolerance} and the person's own diseases with an ICD-10 code {@code Condition}s
 * ({@code problem-list-item}). {@code docs/fhir.md} lists every field.
 */
public final class FhirClinical {

    /** Why a dose was given although the schedule said too early or too soon (the dose screen's reason). */
    public static final String EXT_OVERRIDE_REASON = Fhir.BASE + "/StructureDefinition/override-reason";

    /** The part of a visit's id that names each of its vital-sign observations, and its LOINC code. */
    enum Vital {
        PULSE("hr", "8867-4", "Mạch", "/min", "/min"),
        TEMPERATURE("temp", "8310-5", "Nhiệt độ", "Cel", "°C"),
        BLOOD_PRESSURE("bp", "85354-9", "Huyết áp", "mm[Hg]", "mmHg"),
        RESPIRATION("rr", "9279-1", "Nhịp thở", "/min", "/min"),
        HEIGHT("height", "8302-2", "Chiều cao", "cm", "cm"),
        WEIGHT("weight", "29463-7", "Cân nặng", "kg", "kg"),
        WAIST("waist", "8280-0", "Vòng bụng", "cm", "cm"),
        BMI("bmi", "39156-5", "Chỉ số khối cơ thể (BMI)", "kg/m2", "kg/m2");

        final String part;
        final String loinc;
        final String display;
        final String ucum;
        final String unit;

        Vital(String part, String loinc, String display, String ucum, String unit) {
            this.part = part;
            this.loinc = loinc;
            this.display = display;
            this.ucum = ucum;
            this.unit = unit;
        }

        static Vital ofPart(String part) {
            for (Vital v : values()) {
                if (v.part.equals(part)) {
                    return v;
                }
            }
            return null;
        }
    }

    private FhirClinical() {
    }

    static Instant updated(Audited row) {
        return row.getChangedAt() != null ? row.getChangedAt() : row.getCreatedAt();
    }

    private static JsonObjectBuilder start(String type, String id, Audited row) {
        JsonObjectBuilder r = Fhir.object().add("resourceType", type).add("id", id);
        Instant updated = updated(row);
        if (updated != null) {
            r.add("meta", Fhir.meta(updated));
        }
        return r;
    }

    private static JsonObjectBuilder patient(String tenant, long personId) {
        return Fhir.reference("Patient", Fhir.id(tenant, personId), null);
    }

    /** A part C dose; a voided one is {@code entered-in-error}. */
    public static JsonObject immunization(Immunization dose, String tenant) {
        JsonObjectBuilder r = start("Immunization", Fhir.id(tenant, dose.getId()), dose);
        if (dose.getOverrideReason() != null && !dose.getOverrideReason().isBlank()) {
            r.add("extension", Fhir.one(Fhir.object().add("url", EXT_OVERRIDE_REASON)
                    .add("valueString", dose.getOverrideReason())));
        }
        r.add("status", dose.isVoided() ? "entered-in-error" : "completed")
                .add("vaccineCode", Fhir.concept(Fhir.VACCINES, dose.getVaccine().getCode(),
                        dose.getVaccine().getNameVi()))
                .add("patient", patient(tenant, dose.getPersonId()))
                .add("occurrenceDateTime", dose.getGivenOn().toString())
                .add("primarySource", dose.getSource() == DoseSource.GIVEN);
        if (dose.getSource() == DoseSource.HISTORICAL) {
            r.add("reportOrigin", Fhir.concept("http://terminology.hl7.org/CodeSystem/immunization-origin",
                    "record", "Ghi lại từ phiếu hoặc hồ sơ khác"));
        }
        if (dose.getVaccine().getManufacturer() != null && !dose.getVaccine().getManufacturer().isBlank()) {
            r.add("manufacturer", Fhir.object().add("display", dose.getVaccine().getManufacturer()));
        }
        if (dose.getLot() != null) {
            r.add("lotNumber", dose.getLot().getLotNumber());
            if (dose.getLot().getExpiry() != null) {
                r.add("expirationDate", dose.getLot().getExpiry().toString());
            }
        }
        InjectionSite site = dose.getSite();
        if (site != null && site != InjectionSite.OTHER) {
            if (site == InjectionSite.ORAL) {
                r.add("route", Fhir.concept("http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration",
                        "PO", "Đường uống"));
            } else {
                r.add("site", switch (site) {
                    case LEFT_THIGH -> Fhir.concept("http://terminology.hl7.org/CodeSystem/v3-ActSite", "LT",
                            "Đùi trái");
                    case RIGHT_THIGH -> Fhir.concept("http://terminology.hl7.org/CodeSystem/v3-ActSite", "RT",
                            "Đùi phải");
                    case LEFT_ARM -> Fhir.concept("http://terminology.hl7.org/CodeSystem/v3-ActSite", "LA",
                            "Cánh tay trái");
                    default -> Fhir.concept("http://terminology.hl7.org/CodeSystem/v3-ActSite", "RA",
                            "Cánh tay phải");
                });
            }
        }
        JsonArrayBuilder performers = Fhir.array();
        boolean anyPerformer = false;
        if (dose.getStationId() != null) {
            performers.add(Fhir.object()
                    .add("function", Fhir.concept("http://terminology.hl7.org/CodeSystem/v2-0443", "AP",
                            "Administering Provider"))
                    .add("actor", Fhir.reference("Organization", Fhir.id(tenant, dose.getStationId()), null)));
            anyPerformer = true;
        }
        if (dose.getGivenBy() != null && !dose.getGivenBy().isBlank()) {
            performers.add(Fhir.object().add("actor",
                    Fhir.object().add("display", dose.getGivenBy())));
            anyPerformer = true;
        }
        if (anyPerformer) {
            r.add("performer", performers);
        }
        List<String> notes = new ArrayList<>();
        if (dose.getPlace() != null && !dose.getPlace().isBlank()) {
            notes.add("Nơi tiêm: " + dose.getPlace());
        }
        if (dose.isVoided() && dose.getVoidReason() != null) {
            notes.add("Đã hủy: " + dose.getVoidReason());
        }
        if (!notes.isEmpty()) {
            JsonArrayBuilder n = Fhir.array();
            notes.forEach(t -> n.add(Fhir.text(t)));
            r.add("note", n);
        }
        JsonObjectBuilder protocol = Fhir.object();
        if (dose.getVaccine().getAntigen() != null && !dose.getVaccine().getAntigen().isBlank()) {
            protocol.add("targetDisease", Fhir.one(Fhir.text(dose.getVaccine().getAntigen())));
        }
        protocol.add("doseNumberPositiveInt", dose.getDoseNumber());
        r.add("protocolApplied", Fhir.one(protocol));
        return r.build();
    }

    /** A part D visit as an ambulatory encounter at the station, with links to its diagnoses. */
    public static JsonObject encounter(Visit visit, String tenant) {
        JsonObjectBuilder r = start("Encounter", Fhir.id(tenant, visit.getId()), visit)
                .add("status", visit.isVoided() ? "entered-in-error" : "finished")
                .add("class", Fhir.coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"))
                .add("subject", patient(tenant, visit.getPersonId()))
                .add("period", Fhir.object().add("start", visit.getVisitDate().toString())
                        .add("end", visit.getVisitDate().toString()));
        if (visit.getExaminer() != null && !visit.getExaminer().isBlank()) {
            r.add("participant", Fhir.one(Fhir.object()
                    .add("individual", Fhir.object().add("display", visit.getExaminer()))));
        }
        if (visit.getReason() != null && !visit.getReason().isBlank()) {
            r.add("reasonCode", Fhir.one(Fhir.text(visit.getReason())));
        }
        List<VisitDiagnosis> diagnoses = visit.getDiagnoses();
        if (!diagnoses.isEmpty()) {
            JsonArrayBuilder d = Fhir.array();
            for (int i = 0; i < diagnoses.size(); i++) {
                d.add(Fhir.object()
                        .add("condition", Fhir.reference("Condition", Fhir.id(tenant, visit.getId(), "d" + (i + 1)),
                                diagnoses.get(i).getName()))
                        .add("rank", i + 1));
            }
            r.add("diagnosis", d);
        }
        return r.build();
    }

    /** The observations of a visit: its vital signs, then its tests, in the order of their ids. */
    public static List<JsonObject> observations(Visit visit, String tenant) {
        List<JsonObject> out = new ArrayList<>();
        for (Vital v : Vital.values()) {
            JsonObject o = vital(visit, tenant, v);
            if (o != null) {
                out.add(o);
            }
        }
        for (int i = 0; i < visit.getTests().size(); i++) {
            out.add(test(visit, tenant, i));
        }
        return out;
    }

    /** The observation of a visit that {@code part} names ({@code bp}, {@code t2}...), or null. */
    public static JsonObject observation(Visit visit, String tenant, String part) {
        Vital v = Vital.ofPart(part);
        if (v != null) {
            return vital(visit, tenant, v);
        }
        int index = index(part, "t");
        return index >= 0 && index < visit.getTests().size() ? test(visit, tenant, index) : null;
    }

    private static JsonObject vital(Visit visit, String tenant, Vital v) {
        BigDecimal value = switch (v) {
            case PULSE -> decimal(visit.getPulse());
            case TEMPERATURE -> visit.getTemperature();
            case RESPIRATION -> decimal(visit.getRespiratoryRate());
            case HEIGHT -> visit.getHeightCm();
            case WEIGHT -> visit.getWeightKg();
            case WAIST -> visit.getWaistCm();
            case BMI -> visit.getBmi();
            case BLOOD_PRESSURE -> null;
        };
        if (v == Vital.BLOOD_PRESSURE && (visit.getBpSystolic() == null || visit.getBpDiastolic() == null)) {
            return null;
        }
        if (v != Vital.BLOOD_PRESSURE && value == null) {
            return null;
        }
        JsonObjectBuilder o = observationStart(visit, tenant, v.part, "vital-signs", "Vital Signs")
                .add("code", Fhir.concept(Fhir.LOINC, v.loinc, v.display))
                .add("subject", patient(tenant, visit.getPersonId()))
                .add("encounter", Fhir.reference("Encounter", Fhir.id(tenant, visit.getId()), null))
                .add("effectiveDateTime", visit.getVisitDate().toString());
        if (v == Vital.BLOOD_PRESSURE) {
            o.add("component", Fhir.array()
                    .add(component("8480-6", "Huyết áp tâm thu", visit.getBpSystolic()))
                    .add(component("8462-4", "Huyết áp tâm trương", visit.getBpDiastolic())));
        } else {
            o.add("valueQuantity", quantity(value, v.unit, v.ucum));
        }
        return o.build();
    }

    private static JsonObjectBuilder component(String loinc, String display, int value) {
        return Fhir.object()
                .add("code", Fhir.concept(Fhir.LOINC, loinc, display))
                .add("valueQuantity", quantity(BigDecimal.valueOf(value), "mmHg", "mm[Hg]"));
    }

    private static JsonObjectBuilder quantity(BigDecimal value, String unit, String ucum) {
        return Fhir.object().add("value", value).add("unit", unit).add("system", Fhir.UCUM)
                .add("code", ucum);
    }

    private static JsonObject test(Visit visit, String tenant, int index) {
        VisitTest t = visit.getTests().get(index);
        String category = switch (t.getGroup()) {
            case LAB -> "laboratory";
            case IMAGING -> "imaging";
            case OTHER -> "procedure";
        };
        JsonObjectBuilder o = observationStart(visit, tenant, "t" + (index + 1), category, null)
                .add("code", Fhir.object().add("text", t.getName()))
                .add("subject", patient(tenant, visit.getPersonId()))
                .add("encounter", Fhir.reference("Encounter", Fhir.id(tenant, visit.getId()), null))
                .add("effectiveDateTime", visit.getVisitDate().toString());
        if (t.getResult() != null && !t.getResult().isBlank()) {
            o.add("valueString", t.getResult());
        } else {
            o.add("dataAbsentReason", Fhir.concept("http://terminology.hl7.org/CodeSystem/data-absent-reason",
                    "unknown", "Unknown"));
        }
        return o.build();
    }

    private static JsonObjectBuilder observationStart(Visit visit, String tenant, String part, String category,
                                                      String display) {
        return start("Observation", Fhir.id(tenant, visit.getId(), part), visit)
                .add("status", visit.isVoided() ? "entered-in-error" : "final")
                .add("category", Fhir.one(Fhir.concept(
                        "http://terminology.hl7.org/CodeSystem/observation-category", category, display)));
    }

    /** The diagnoses of a visit, main one first. */
    public static List<JsonObject> diagnoses(Visit visit, String tenant) {
        List<JsonObject> out = new ArrayList<>();
        for (int i = 0; i < visit.getDiagnoses().size(); i++) {
            out.add(diagnosis(visit, tenant, i));
        }
        return out;
    }

    /** The diagnosis {@code d1}, {@code d2}... of a visit, or null. */
    public static JsonObject diagnosis(Visit visit, String tenant, String part) {
        int index = index(part, "d");
        return index >= 0 && index < visit.getDiagnoses().size() ? diagnosis(visit, tenant, index) : null;
    }

    private static JsonObject diagnosis(Visit visit, String tenant, int index) {
        VisitDiagnosis d = visit.getDiagnoses().get(index);
        JsonObjectBuilder c = start("Condition", Fhir.id(tenant, visit.getId(), "d" + (index + 1)), visit);
        if (!visit.isVoided()) {
            c.add("clinicalStatus", Fhir.concept("http://terminology.hl7.org/CodeSystem/condition-clinical",
                    "active", "Active"));
        }
        return c.add("verificationStatus", Fhir.concept(
                        "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                        visit.isVoided() ? "entered-in-error" : "confirmed", null))
                .add("category", Fhir.one(Fhir.concept("http://terminology.hl7.org/CodeSystem/condition-category",
                        "encounter-diagnosis", "Encounter Diagnosis")))
                .add("code", Fhir.concept(Fhir.ICD10, d.getCode(), d.getName()))
                .add("subject", patient(tenant, visit.getPersonId()))
                .add("encounter", Fhir.reference("Encounter", Fhir.id(tenant, visit.getId()), null))
                .add("recordedDate", visit.getVisitDate().toString())
                .build();
    }

    /** Whether a part B entry has a FHIR form: an own allergy, or an own disease with an ICD-10 code. */
    public static boolean mapped(HistoryEntry e) {
        if (e.isFamily()) {
            return false;
        }
        HistoryCategory category = e.getItem().getCategory();
        return category == HistoryCategory.ALLERGY
                || category == HistoryCategory.DISEASE && icd10(e) != null;
    }

    /** The part B entry as an AllergyIntolerance or a Condition, or null when it has no FHIR form. */
    public static JsonObject history(HistoryEntry e, String tenant) {
        if (!mapped(e)) {
            return null;
        }
        return e.getItem().getCategory() == HistoryCategory.ALLERGY ? allergy(e, tenant) : condition(e, tenant);
    }

    /** The FHIR type of a mapped part B entry. */
    public static String historyType(HistoryEntry e) {
        return e.getItem().getCategory() == HistoryCategory.ALLERGY ? "AllergyIntolerance" : "Condition";
    }

    private static JsonObject allergy(HistoryEntry e, String tenant) {
        JsonObjectBuilder a = start("AllergyIntolerance", Fhir.id(tenant, e.getId()), e);
        if (!e.isVoided()) {
            a.add("clinicalStatus", Fhir.concept(
                    "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", "active", "Active"));
        }
        a.add("verificationStatus", Fhir.concept(
                "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification",
                e.isVoided() ? "entered-in-error" : "confirmed", null));
        String text = e.getDescription() != null && !e.getDescription().isBlank()
                ? e.getItem().getName() + ": " + e.getDescription() : e.getItem().getName();
        a.add("code", Fhir.object()
                .add("coding", Fhir.one(Fhir.coding(Fhir.HISTORY_ITEMS, e.getItem().getCode(),
                        e.getItem().getName())))
                .add("text", text));
        a.add("patient", patient(tenant, e.getPersonId()));
        if (e.getSinceYear() != null) {
            a.add("onsetString", String.valueOf(e.getSinceYear()));
        }
        return a.build();
    }

    private static JsonObject condition(HistoryEntry e, String tenant) {
        JsonObjectBuilder c = start("Condition", Fhir.id(tenant, e.getId(), "h"), e);
        if (!e.isVoided()) {
            c.add("clinicalStatus", Fhir.concept("http://terminology.hl7.org/CodeSystem/condition-clinical",
                    "active", "Active"));
        }
        String name = e.getDescription() != null && !e.getDescription().isBlank()
                ? e.getDescription() : e.getItem().getName();
        c.add("verificationStatus", Fhir.concept("http://terminology.hl7.org/CodeSystem/condition-ver-status",
                        e.isVoided() ? "entered-in-error" : "confirmed", null))
                .add("category", Fhir.one(Fhir.concept("http://terminology.hl7.org/CodeSystem/condition-category",
                        "problem-list-item", "Problem List Item")))
                .add("code", Fhir.concept(Fhir.ICD10, icd10(e), name))
                .add("subject", patient(tenant, e.getPersonId()));
        if (e.getSinceYear() != null) {
            c.add("onsetString", String.valueOf(e.getSinceYear()));
        }
        return c.build();
    }

    private static String icd10(HistoryEntry e) {
        if (e.getIcd10Code() != null && !e.getIcd10Code().isBlank()) {
            return e.getIcd10Code();
        }
        return e.getItem().getIcd10Code() == null || e.getItem().getIcd10Code().isBlank()
                ? null : e.getItem().getIcd10Code();
    }

    private static BigDecimal decimal(Integer i) {
        return i == null ? null : BigDecimal.valueOf(i);
    }

    private static int index(String part, String prefix) {
        if (part == null || !part.startsWith(prefix) || part.length() == prefix.length() || part.length() > 6) {
            return -1;
        }
        String digits = part.substring(prefix.length());
        return digits.chars().allMatch(Character::isDigit) ? Integer.parseInt(digits) - 1 : -1;
    }
}
