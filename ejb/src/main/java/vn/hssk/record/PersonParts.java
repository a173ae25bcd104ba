package vn.hssk.record;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything that hangs on a person, found from the schema itself: every column with a foreign key to
 * {@code person.id} (history, visits, immunizations, household members, ... as features add them), so that a merge
 * moves every part of the duplicate to the survivor without knowing the features, and its undo moves back exactly
 * the rows it moved. The merge bookkeeping itself and the self-reference of merged records are not parts.
 */
@Dependent
public class PersonParts {

    private static final Set<String> NOT_PARTS = Set.of("person", "person_merge", "person_merge_row",
            "duplicate_decision");

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    /** A row of a part, by its table, the column pointing at the person, and its id. */
    public record PartRow(String table, String column, long id) {
    }

    private record Reference(String table, String column) {
    }

    /** How many rows of each part point at the person (tables without rows left out). */
    public Map<String, Long> count(long personId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Reference ref : references()) {
            Number n = (Number) em.createNativeQuery("select count(*) from `" + ref.table() + "` where `"
                    + ref.column() + "` = ?1").setParameter(1, personId).getSingleResult();
            if (n.longValue() > 0) {
                counts.merge(ref.table(), n.longValue(), Long::sum);
            }
        }
        return counts;
    }

    /** Points every part row of {@code from} at {@code to}, answering the rows moved. */
    public List<PartRow> move(long from, long to) {
        List<PartRow> moved = new ArrayList<>();
        for (Reference ref : references()) {
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery("select id from `" + ref.table() + "` where `" + ref.column()
                    + "` = ?1 for update").setParameter(1, from).getResultList();
            if (ids.isEmpty()) {
                continue;
            }
            em.createNativeQuery("update `" + ref.table() + "` set `" + ref.column() + "` = ?1 where `"
                    + ref.column() + "` = ?2").setParameter(1, to).setParameter(2, from).executeUpdate();
            ids.forEach(id -> moved.add(new PartRow(ref.table(), ref.column(), id.longValue())));
        }
        return moved;
    }

    /** Moves the given rows from {@code from} back to {@code to}; rows that point elsewhere by now stay. */
    public void moveBack(List<PartRow> rows, long from, long to) {
        for (PartRow row : rows) {
            Reference ref = references().stream()
                    .filter(r -> r.table().equals(row.table()) && r.column().equals(row.column()))
                    .findFirst().orElse(null);
            if (ref == null) {
                continue;
            }
            em.createNativeQuery("update `" + ref.table() + "` set `" + ref.column() + "` = ?1 where id = ?2 and `"
                    + ref.column() + "` = ?3").setParameter(1, to).setParameter(2, row.id())
                    .setParameter(3, from).executeUpdate();
        }
    }

    /** The (table, column) pairs of this tenant's schema whose foreign key points at person.id. */
    private List<Reference> references() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select table_name, column_name"
                + " from information_schema.key_column_usage where table_schema = database()"
                + " and referenced_table_schema = database() and referenced_table_name = 'person'"
                + " and referenced_column_name = 'id' order by table_name, column_name").getResultList();
        List<Reference> refs = new ArrayList<>();
        for (Object[] row : rows) {
            String table = String.valueOf(row[0]);
            if (!NOT_PARTS.contains(table.toLowerCase(Locale.ROOT))) {
                refs.add(new Reference(table, String.valueOf(row[1])));
            }
        }
        return refs;
    }
}
