package vn.hssk.record;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.hssk.shared.TextFolding;

/** Queries over the persons of the current tenant. */
@Dependent
public class PersonRepository {

    private static final Pattern PERSONAL_ID = Pattern.compile("\\d{12}");
    private static final String ORDER_BY_NAME = " order by p.fullNameFolded, p.birthDate, p.id";
    private static final Pattern DIGITS = Pattern.compile("\\+?\\d{9,15}");

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    public Optional<Person> find(long id) {
        return Optional.ofNullable(em.find(Person.class, id));
    }

    public Optional<Person> findByPersonalId(String personalId) {
        return em.createQuery("select p from Person p where p.personalId = :pid", Person.class)
                .setParameter("pid", personalId).getResultList().stream().findFirst();
    }

    public boolean any() {
        return !em.createQuery("select p.id from Person p", Long.class).setMaxResults(1).getResultList().isEmpty();
    }

    public void add(Person person) {
        em.persist(person);
    }

    public void flush() {
        em.flush();
    }

    /**
     * Persons that are not voided, matching the query as a personal ID (12 digits), a BHYT number or phone number
     * (exact), or else as words of the folded name; for commune-scoped callers only in their communes. Name matches
     * come in tiers: the exact name; then persons whose given name is the last word typed (with the other words in
     * order before it), by name; then given names that start with that word; then names that start with what was
     * typed (a family name). Each tier is one query that walks a name index in its own order and stops at the page,
     * so a search at a million residents reads about a page of rows, not every match.
     */
    public List<Person> search(PersonFilter filter, Collection<String> communes, int first, int max) {
        List<Long> villages = communes == null ? null : villagesOf(communes);
        List<Person> ranked = new ArrayList<>();
        for (Tier tier : tiers(filter)) {
            if (ranked.size() >= first + max) {
                break;
            }
            ranked.addAll(page(filter, villages, tier.condition(), tier.parameters(), tier.orderBy(), 0,
                    first + max - ranked.size()));
        }
        return ranked.subList(Math.min(first, ranked.size()), ranked.size());
    }

    /** How many persons {@link #search} finds in all (its tiers do not overlap), for a list to say its size. */
    public long count(PersonFilter filter, Collection<String> communes) {
        List<Long> villages = communes == null ? null : villagesOf(communes);
        if (villages != null && villages.isEmpty()) {
            return 0;
        }
        long total = 0;
        for (Tier tier : tiers(filter)) {
            TypedQuery<Long> q = em.createQuery("select count(p) from Person p where p.voided = false"
                    + tier.condition() + filters(filter, villages), Long.class);
            tier.parameters().forEach(q::setParameter);
            bind(q, filter, villages);
            total += q.getSingleResult();
        }
        return total;
    }

    /** The query's tiers: one for a personal ID, BHYT or phone number or no query, four for words of a name. */
    private static List<Tier> tiers(PersonFilter filter) {
        String raw = filter.query() == null ? "" : filter.query().strip();
        String compact = raw.replaceAll("[\\s.()-]", "");
        if (PERSONAL_ID.matcher(compact).matches()) {
            return List.of(new Tier(" and p.personalId = :pid", Map.of("pid", compact), ORDER_BY_NAME));
        }
        if (!compact.isEmpty() && (DIGITS.matcher(compact).matches() || RecordFields.bhxhNumber(compact) != null)) {
            String bhyt = RecordFields.bhxhNumber(compact);
            String phone = compact.startsWith("+84") ? "0" + compact.substring(3) : compact;
            return List.of(bhyt == null
                    ? new Tier(" and p.phone = :phone", Map.of("phone", phone), ORDER_BY_NAME)
                    : new Tier(" and (p.bhytNumber = :bhyt or p.phone = :phone)",
                    Map.of("bhyt", bhyt, "phone", phone), ORDER_BY_NAME));
        }
        String folded = TextFolding.fold(raw);
        if (folded.isEmpty()) {
            return List.of(new Tier("", Map.of(), ORDER_BY_NAME));
        }
        String[] words = folded.split(" ");
        String given = words[words.length - 1];
        String ordered = words.length == 1 ? null : "%" + String.join("%", Arrays.stream(words)
                .map(PersonRepository::escapeLike).toList()) + "%";
        String givenPrefix = escapeLike(given) + "%";
        List<Tier> tiers = new ArrayList<>();
        tiers.add(new Tier(" and p.fullNameFolded = :exact", Map.of("exact", folded),
                " order by p.fullNameFolded, p.birthDate, p.id"));
        Map<String, Object> sameGiven = new HashMap<>(Map.of("given", given, "exact", folded));
        Map<String, Object> givenStarts = new HashMap<>(Map.of("givenPrefix", givenPrefix, "given", given,
                "exact", folded));
        String inOrder = "";
        if (ordered != null) {
            sameGiven.put("ordered", ordered);
            givenStarts.put("ordered", ordered);
            inOrder = " and p.fullNameFolded like :ordered";
        }
        tiers.add(new Tier(" and p.givenNameFolded = :given and p.fullNameFolded <> :exact" + inOrder, sameGiven,
                " order by p.givenNameFolded, p.fullNameFolded, p.id"));
        tiers.add(new Tier(" and p.givenNameFolded like :givenPrefix and p.givenNameFolded <> :given"
                + " and p.fullNameFolded <> :exact" + inOrder, givenStarts,
                " order by p.givenNameFolded, p.fullNameFolded, p.id"));
        tiers.add(new Tier(" and p.fullNameFolded like :start and p.givenNameFolded not like :givenPrefix",
                Map.of("start", escapeLike(folded) + "%", "givenPrefix", givenPrefix),
                " order by p.fullNameFolded, p.birthDate, p.id"));
        return tiers;
    }

    /** One rank of name matches: its condition, and the order of the index that serves it. */
    private record Tier(String condition, Map<String, Object> parameters, String orderBy) {
    }

    /**
     * The villages of the communes, past ones too (a record keeps the village it was registered in): a
     * commune-scoped search filters on the person's own village column instead of joining units, so the optimizer
     * can walk a name index and stop at the page.
     */
    private List<Long> villagesOf(Collection<String> communes) {
        if (communes.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select v.id from AdministrativeUnit v where v.parent.code in :communes", Long.class)
                .setParameter("communes", communes).getResultList();
    }

    private List<Person> page(PersonFilter filter, List<Long> villages, String condition,
                              Map<String, Object> parameters, String orderBy, int first, int max) {
        if (villages != null && villages.isEmpty()) {
            return List.of();
        }
        TypedQuery<Person> q = em.createQuery("select p from Person p where p.voided = false" + condition
                + filters(filter, villages) + orderBy, Person.class);
        parameters.forEach(q::setParameter);
        bind(q, filter, villages);
        return q.setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** The list's filters after a tier's condition: village, sex, birth dates and the caller's villages. */
    private static String filters(PersonFilter filter, List<Long> villages) {
        StringBuilder jpql = new StringBuilder();
        if (filter.villageId() != null) {
            jpql.append(" and p.village.id = :village");
        }
        if (filter.sex() != null) {
            jpql.append(" and p.sex = :sex");
        }
        if (filter.bornFrom() != null) {
            jpql.append(" and p.birthDate >= :bornFrom");
        }
        if (filter.bornTo() != null) {
            jpql.append(" and p.birthDate <= :bornTo");
        }
        if (villages != null) {
            jpql.append(" and p.village.id in :villages");
        }
        return jpql.toString();
    }

    private static void bind(TypedQuery<?> q, PersonFilter filter, List<Long> villages) {
        if (filter.villageId() != null) {
            q.setParameter("village", filter.villageId());
        }
        if (filter.sex() != null) {
            q.setParameter("sex", filter.sex());
        }
        if (filter.bornFrom() != null) {
            q.setParameter("bornFrom", filter.bornFrom());
        }
        if (filter.bornTo() != null) {
            q.setParameter("bornTo", filter.bornTo());
        }
        if (villages != null) {
            q.setParameter("villages", villages);
        }
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
