package vn.hssk.fhir;

import jakarta.json.JsonObject;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Subgraph;
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

    /**
     * One table read in id order, the associations its resources need loaded with it ({@code fetch}: paths such as
     * {@code village.parent}, made an entity graph), and how a row becomes resources of {@code type}.
     */
    record Source(String type, Class<? extends Audited> entity, String fetch,
                  BiFunction<Object, String, List<JsonObject>> map) {
    }

    private static final String PLACE = "village.parent.parent.parent";
    private static final String DOSE = "vaccine lot schedule";
    private static final String VISIT = "tests diagnoses";
    private static final String ITEM = "item";

    static final List<Source> ALL = List.of(
            new Source("Patient", Person.class, PLACE, (row, tenant) -> List.of(FhirPatient.of((Person) row, tenant))),
            new Source("Immunization", Immunization.class, DOSE,
                    (row, tenant) -> List.of(FhirClinical.immunization((Immunization) row, tenant))),
            new Source("Encounter", Visit.class, VISIT,
                    (row, tenant) -> List.of(FhirClinical.encounter((Visit) row, tenant))),
            new Source("Observation", Visit.class, VISIT,
                    (row, tenant) -> FhirClinical.observations((Visit) row, tenant)),
            new Source("Condition", Visit.class, VISIT, (row, tenant) -> FhirClinical.diagnoses((Visit) row, tenant)),
            new Source("Condition", HistoryEntry.class, ITEM, (row, tenant) -> history((HistoryEntry) row, tenant,
                    "Condition")),
            new Source("AllergyIntolerance", HistoryEntry.class, ITEM,
                    (row, tenant) -> history((HistoryEntry) row, tenant,
                    "AllergyIntolerance")),
            new Source("Organization", HealthStation.class,
                    "commune parent formerCommune",
                    (row, tenant) -> List.of(FhirDirectory.station((HealthStation) row, tenant))),
            new Source("Location", AdministrativeUnit.class, "parent",
                    (row, tenant) -> List.of(FhirDirectory.location((AdministrativeUnit) row, tenant))),
            new Source("Practitioner", StationStaff.class, "station.commune",
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

    /**
     * The next rows of a source after {@code afterId}, at most {@code max}, changed since {@code since}: their ids
     * first, then the rows with what their resources need in one query, read-only (a chunk holds a thousand rows that
     * are never changed; loading each village, vaccine or visit's lines apart was what the export spent its time on).
     */
    static List<Row> next(EntityManager em, int index, long afterId, Instant since, int max, String tenant) {
        Source source = ALL.get(index);
        String entity = source.entity().getSimpleName();
        var ids = em.createQuery("select r.id from " + entity + " r where r.id > :after"
                        + (since == null ? "" : " and coalesce(r.changedAt, r.createdAt) >= :since") + " order by r.id",
                Long.class).setParameter("after", afterId).setMaxResults(max);
        if (since != null) {
            ids.setParameter("since", since);
        }
        List<Long> page = ids.getResultList();
        if (page.isEmpty()) {
            return List.of();
        }
        List<? extends Audited> found = em.createQuery("select r from " + entity + " r where r.id in :ids"
                        + " order by r.id", source.entity())
                .setParameter("ids", page).setHint("org.hibernate.readOnly", true)
                .setHint("jakarta.persistence.loadgraph", graph(em, source)).getResultList();
        List<Row> rows = new ArrayList<>();
        for (Audited row : found) {
            List<String> lines = new ArrayList<>();
            for (JsonObject r : source.map().apply(row, tenant)) {
                lines.add(r.toString());
            }
            rows.add(new Row(index, id(row), personOf(row), source.type(), lines));
        }
        return rows;
    }

    /** The entity graph of a source's paths: {@code a.b.c} loads a, its b and that one's c. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static EntityGraph<?> graph(EntityManager em, Source source) {
        EntityGraph graph = em.createEntityGraph(source.entity());
        for (String path : source.fetch().split(" ")) {
            String[] steps = path.split("\\.");
            if (steps.length == 1) {
                graph.addAttributeNodes(steps[0]);
                continue;
            }
            Subgraph sub = graph.addSubgraph(steps[0]);
            for (int i = 1; i < steps.length - 1; i++) {
                sub = sub.addSubgraph(steps[i]);
            }
            sub.addAttributeNodes(steps[steps.length - 1]);
        }
        return graph;
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
