package vn.hssk.record;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
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
 * the rows it moved. The merge bookkeeping itself, the self-reference of merged records and the province's review cases (which
 * keep the record an attempt collided with) are not parts.
 */
@Dependent
public class PersonParts {

    private static final Set<String> NOT_PARTS = Set.of("person", "person_merge", "person_merge_row",
            "duplicate_decision", "personal_id_review");

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    /** A row of a part, by its table, the column pointing at the person, and its id. */
    public record PartRow(String table, String column, long id) {
    }

    /**
     * Two rows, one of each record, that a unique key of the part allows only once per person (the same live dose of
     * a vaccine, say): moving the duplicate's row would break the key, so a person must first void the wrong one.
     */
    public record Conflict(String table, List<String> columns, long survivorRowId, long mergedRowId)
            implements Serializable {
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

    /**
     * The rows of {@code from} that could not move to {@code to} because a unique key over the person column and
     * other columns (found from the schema, like the parts themselves) already holds the same values for {@code to}.
     * Rows with a null in the key never collide, as in the database.
     */
    public List<Conflict> conflicts(long to, long from) {
        List<Conflict> conflicts = new ArrayList<>();
        for (Reference ref : references()) {
            for (List<String> key : uniqueKeysWith(ref)) {
                List<String> others = key.stream().filter(c -> !c.equalsIgnoreCase(ref.column())).toList();
                StringBuilder sql = new StringBuilder("select s.id, m.id from `").append(ref.table())
                        .append("` s join `").append(ref.table()).append("` m on ")
                        .append(others.isEmpty() ? "1 = 1" : "");
                for (int i = 0; i < others.size(); i++) {
                    sql.append(i == 0 ? "" : " and ").append("s.`").append(others.get(i)).append("` = m.`")
                            .append(others.get(i)).append('`');
                }
                sql.append(" where s.`").append(ref.column()).append("` = ?1 and m.`").append(ref.column())
                        .append("` = ?2 order by s.id, m.id");
                @SuppressWarnings("unchecked")
                List<Object[]> rows = em.createNativeQuery(sql.toString()).setParameter(1, to)
                        .setParameter(2, from).getResultList();
                for (Object[] row : rows) {
                    conflicts.add(new Conflict(ref.table(), others, ((Number) row[0]).longValue(),
                            ((Number) row[1]).longValue()));
                }
            }
        }
        return conflicts;
    }

    /** The columns of each unique key (not the primary key) of the part's table that holds the person column. */
    private List<List<String>> uniqueKeysWith(Reference ref) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select index_name, column_name from information_schema.statistics"
                + " where table_schema = database() and table_name = ?1 and non_unique = 0"
                + " and index_name <> 'PRIMARY' order by index_name, seq_in_index")
                .setParameter(1, ref.table()).getResultList();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (Object[] row : rows) {
            keys.computeIfAbsent(String.valueOf(row[0]), k -> new ArrayList<>()).add(String.valueOf(row[1]));
        }
        return keys.values().stream()
                .filter(columns -> columns.stream().anyMatch(c -> c.equalsIgnoreCase(ref.column()))).toList();
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
