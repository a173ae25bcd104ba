package vn.hssk.fhir;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalDate;
import vn.hssk.station.HealthStation;
import vn.hssk.station.StationStaff;
import vn.hssk.unit.AdministrativeUnit;

/**
 * The province's directory as FHIR R4: the health department and its stations ({@code Organization}, a sub-site part
 * of its main station, a main station part of the department), the administrative units ({@code Location}, each
 * part of its parent) and the stations' staff ({@code Practitioner}).
 */
public final class FhirDirectory {

    private FhirDirectory() {
    }

    /** The province's health department, whose id is the province code. */
    public static JsonObject department(String tenant, String provinceName) {
        return Fhir.object()
                .add("resourceType", "Organization")
                .add("id", tenant)
                .add("active", true)
                .add("type", Fhir.one(Fhir.concept("http://terminology.hl7.org/CodeSystem/organization-type",
                        "govt", "Government")))
                .add("name", "Sở Y tế " + provinceName)
                .add("address", Fhir.one(Fhir.object().add("state", provinceName).add("country", "VN")))
                .build();
    }

    public static JsonObject station(HealthStation s, String tenant) {
        JsonObjectBuilder o = Fhir.object()
                .add("resourceType", "Organization")
                .add("id", Fhir.id(tenant, s.getId()));
        if (FhirClinical.updated(s) != null) {
            o.add("meta", Fhir.meta(FhirClinical.updated(s)));
        }
        if (s.getFacilityCode() != null && !s.getFacilityCode().isBlank()) {
            o.add("identifier", Fhir.one(Fhir.object().add("system", Fhir.FACILITY)
                    .add("value", s.getFacilityCode())));
        }
        o.add("active", !s.isClosed())
                .add("type", Fhir.one(Fhir.concept("http://terminology.hl7.org/CodeSystem/organization-type",
                        "prov", "Healthcare Provider")))
                .add("name", s.getName());
        if (s.getPhone() != null && !s.getPhone().isBlank()) {
            o.add("telecom", Fhir.one(Fhir.object().add("system", "phone").add("value", s.getPhone())));
        }
        JsonObjectBuilder address = Fhir.object();
        if (s.getAddress() != null && !s.getAddress().isBlank()) {
            address.add("text", s.getAddress());
        }
        address.add("city", s.getCommune().getName()).add("country", "VN");
        o.add("address", Fhir.one(address));
        o.add("partOf", s.getParent() != null
                ? Fhir.reference("Organization", Fhir.id(tenant, s.getParent().getId()), s.getParent().getName())
                : Fhir.reference("Organization", tenant, null));
        return o.build();
    }

    public static JsonObject location(AdministrativeUnit u, String tenant) {
        JsonObjectBuilder l = Fhir.object()
                .add("resourceType", "Location")
                .add("id", Fhir.id(tenant, u.getId()));
        if (FhirClinical.updated(u) != null) {
            l.add("meta", Fhir.meta(FhirClinical.updated(u)));
        }
        boolean current = u.getValidTo() == null || !u.getValidTo().isBefore(LocalDate.now());
        l.add("identifier", Fhir.one(Fhir.object().add("system", Fhir.UNIT_CODES)
                        .add("value", u.getCode())))
                .add("status", current ? "active" : "inactive")
                .add("name", u.getName())
                .add("mode", "instance")
                .add("type", Fhir.one(Fhir.concept(Fhir.BASE + "/CodeSystem/cap-don-vi", u.getLevel().name(),
                        u.getTypeLabel())))
                .add("physicalType", Fhir.concept("http://terminology.hl7.org/CodeSystem/location-physical-type",
                        "jdn", "Jurisdiction"));
        if (u.getParent() != null) {
            l.add("partOf", Fhir.reference("Location", Fhir.id(tenant, u.getParent().getId()),
                    u.getParent().getName()));
        }
        return l.build();
    }

    public static JsonObject practitioner(StationStaff s, String tenant) {
        JsonObjectBuilder p = Fhir.object()
                .add("resourceType", "Practitioner")
                .add("id", Fhir.id(tenant, s.getId()));
        if (FhirClinical.updated(s) != null) {
            p.add("meta", Fhir.meta(FhirClinical.updated(s)));
        }
        if (s.getLicenceNumber() != null && !s.getLicenceNumber().isBlank()) {
            p.add("identifier", Fhir.one(Fhir.object().add("system", Fhir.LICENCE)
                    .add("value", s.getLicenceNumber())));
        }
        p.add("active", s.getEndedOn() == null || s.getEndedOn().isAfter(LocalDate.now()));
        String[] words = s.getFullName().strip().split("\\s+");
        JsonObjectBuilder name = Fhir.object().add("use", "official").add("text", s.getFullName());
        if (words.length > 1) {
            name.add("family", words[0]);
            JsonArrayBuilder given = Fhir.array();
            for (int i = 1; i < words.length; i++) {
                given.add(words[i]);
            }
            name.add("given", given);
        }
        p.add("name", Fhir.one(name));
        if (s.getPhone() != null && !s.getPhone().isBlank()) {
            p.add("telecom", Fhir.one(Fhir.object().add("system", "phone").add("value", s.getPhone())));
        }
        p.add("qualification", Fhir.one(Fhir.object().add("code", Fhir.concept(
                Fhir.BASE + "/CodeSystem/chuc-danh", s.getPosition().name(), position(s)))));
        return p.build();
    }

    private static String position(StationStaff s) {
        return switch (s.getPosition()) {
            case HEAD -> "Trạm trưởng";
            case DOCTOR -> "Bác sĩ";
            case ASSISTANT_DOCTOR -> "Y sĩ";
            case NURSE -> "Điều dưỡng";
            case MIDWIFE -> "Hộ sinh";
            case PHARMACIST -> "Dược sĩ";
            case OTHER -> "Khác";
        };
    }
}
