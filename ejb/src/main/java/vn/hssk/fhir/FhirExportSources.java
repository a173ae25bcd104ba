package vn.hssk.fhir;

import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import vn.hssk.immunization.Immunization;
import vn.hssk.record.HistoryEntry;
import vn.hssk.record.Person;
import vn.hssk.record.Visit;
import vn.hssk.shared.Audited;
import vn.hssk.station.HealthStation;
import vn.hssk.station.StationStaff;
import vn.hssk.unit.AdministrativeUnit;

/**
 * What a bulk export reads, in order: each source is one table read by row id and the FHIR type its rows become
 * (a visit is read three times: as its encounter, its observations and its diagnoses). Everything is exported,
 * voided rows too (as inactive or {@code entered-in-error}), so the files are the province's whole record.
 */
final class FhirExportSources {

    /** One table read in id order, and how a row becomes resources of {@code type}. */
    record Source(String type, Class<? extends Audited> entity, BiFunction<Object, String, List<JsonObject>> map) {
    }

    static final List<Source> ALL = List.of(
            new Source("Patient", Person.class, (row, tenant) -> List.of(FhirPatient.of((Person) row, tenant))),
            new Source("Immunization", Immunization.class,
                    (row, tenant) -> List.of(FhirClinical.immunization((Immunization) row, tenant))),
            new Source("Encounter", Visit.class, (row, tenant) -> List.of(FhirClinical.encounter((Visit) row, tenant))),
            new Source("Observation", Visit.class, (row, tenant) -> FhirClinical.observations((Visit) row, tenant)),
            new Source("Condition", Visit.class, (row, tenant) -> FhirClinical.diagnoses((Visit) row, tenant)),
            new Source("Condition", HistoryEntry.class, (row, tenant) -> history((HistoryEntry) row, tenant,
                    "Condition")),
            new Source("AllergyIntolerance", HistoryEntry.class, (row, tenant) -> history((HistoryEntry) row, tenant,
                    "AllergyIntolerance")),
            new Source("Organization", HealthStation.class,
                    (row, tenant) -> List.of(FhirDirectory.station((HealthStation) row, tenant))),
            new Source("Location", AdministrativeUnit.class,
                    (row, tenant) -> List.of(FhirDirectory.location((AdministrativeUnit) row, tenant))),
            new Source("Practitioner", StationStaff.class,
                    (row, tenant) -> List.of(FhirDirectory.practitioner((StationStaff) row, tenant))));

    private FhirExportSources() {
    }

    private static List<JsonObject> history(HistoryEntry e, String tenant, String type) {
        return FhirClinical.mapped(e) && type.equals(FhirClinical.historyType(e))
                ? List.of(FhirClinical.history(e, tenant)) : List.of();
    }

    /** One row read, with the person it belongs to (for the audit) and its resources as NDJSON lines. */
    record Row(int source, long id, Long personId, String type, List<String> lines) {
    }

    /** The next rows of a source after {@code afterId}, at most {@code max}, changed since {@code since}. */
    static List<Row> next(EntityManager em, int index, long afterId, Instant since, int max, String tenant) {
        Source source = ALL.get(index);
        String entity = source.entity().getSimpleName();
        String jpql = "select r from " + entity + " r where r.id > :after"
                + (since == null ? "" : " and coalesce(r.changedAt, r.createdAt) >= :since") + " order by r.id";
        var q = em.createQuery(jpql, source.entity()).setParameter("after", afterId).setMaxResults(max);
        if (since != null) {
            q.setParameter("since", since);
        }
        List<Row> rows = new ArrayList<>();
        for (Audited row : q.getResultList()) {
            List<String> lines = new ArrayList<>();
            for (JsonObject r : source.map().apply(row, tenant)) {
                lines.add(r.toString());
            }
            rows.add(new Row(index, id(row), personOf(row), source.type(), lines));
        }
        return rows;
    }

    private static long id(Audited row) {
        if (row instanceof Person p) {
            return p.getId();
        } else if (row instanceof Immunization i) {
            return i.getId();
        } else if (row instanceof Visit v) {
            return v.getId();
        } else if (row instanceof HistoryEntry e) {
            return e.getId();
        } else if (row instanceof HealthStation s) {
            return s.getId();
        } else if (row instanceof AdministrativeUnit u) {
            return u.getId();
        } else if (row instanceof StationStaff s) {
            return s.getId();
        }
        throw new IllegalArgumentException(row.getClass().getName());
    }

    private static Long personOf(Audited row) {
        if (row instanceof Person p) {
            return p.getId();
        } else if (row instanceof Immunization i) {
            return i.getPersonId();
        } else if (row instanceof Visit v) {
            return v.getPersonId();
        } else if (row instanceof HistoryEntry e) {
            return e.getPersonId();
        }
        return null;
    }
}
