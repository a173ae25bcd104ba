package vn.hssk.record;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Queries over part B: the catalog of items and the persons' history entries. */
@Dependent
public class HistoryRepository {

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    public List<HistoryItem> items(HistoryCategory category) {
        if (category == null) {
            return em.createQuery("select i from HistoryItem i order by i.category, i.sortOrder, i.id",
                    HistoryItem.class).getResultList();
        }
        return em.createQuery("select i from HistoryItem i where i.category = :category order by i.sortOrder, i.id",
                HistoryItem.class).setParameter("category", category).getResultList();
    }

    public Optional<HistoryItem> item(long id) {
        return Optional.ofNullable(em.find(HistoryItem.class, id));
    }

    public Optional<HistoryItem> item(HistoryCategory category, String code) {
        return em.createQuery("select i from HistoryItem i where i.category = :category and i.code = :code",
                        HistoryItem.class)
                .setParameter("category", category).setParameter("code", code).getResultList().stream().findFirst();
    }

    public void add(HistoryItem item) {
        em.persist(item);
    }

    public void add(HistoryEntry entry) {
        em.persist(entry);
    }

    public Optional<HistoryEntry> entry(long personId, long entryId) {
        return Optional.ofNullable(em.find(HistoryEntry.class, entryId)).filter(e -> e.getPersonId() == personId);
    }

    /** The person's lines, oldest first; voided ones only when asked. */
    public List<HistoryEntry> entries(long personId, boolean includeVoided) {
        return em.createQuery("select e from HistoryEntry e join e.item i where e.personId = :person"
                        + (includeVoided ? "" : " and e.voided = false")
                        + " order by i.category, i.sortOrder, e.createdAt, e.id", HistoryEntry.class)
                .setParameter("person", personId).getResultList();
    }

    /** Whether the person has a current line of this item for themselves (not family history). */
    public boolean hasCurrentOwn(long personId, HistoryItem item) {
        return !em.createQuery("select e.id from HistoryEntry e where e.personId = :person and e.item = :item"
                        + " and e.voided = false and e.relative is null", Long.class)
                .setParameter("person", personId).setParameter("item", item).setMaxResults(1).getResultList()
                .isEmpty();
    }

    public void flush() {
        em.flush();
    }
}
