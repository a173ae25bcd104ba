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
    private static final String ORDER_BY_NAME = " order by p.fullNameFolded, p.id";
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
     * are ranked: the exact name first, then persons whose given name is the last word typed (with the other words
     * in order before it), then names that start with what was typed (a family name), each by name.
     */
    public List<Person> search(PersonFilter filter, Collection<String> communes, int first, int max) {
        String raw = filter.query() == null ? "" : filter.query().strip();
        String compact = raw.replaceAll("[\\s.()-]", "");
        if (PERSONAL_ID.matcher(compact).matches()) {
            return page(filter, communes, " and p.personalId = :pid", Map.of("pid", compact), ORDER_BY_NAME, first,
                    max);
        }
        if (!compact.isEmpty() && (DIGITS.matcher(compact).matches() || RecordFields.bhxhNumber(compact) != null)) {
            String bhyt = RecordFields.bhxhNumber(compact);
            String phone = compact.startsWith("+84") ? "0" + compact.substring(3) : compact;
            return bhyt == null
                    ? page(filter, communes, " and p.phone = :phone", Map.of("phone", phone), ORDER_BY_NAME, first,
                    max)
                    : page(filter, communes, " and (p.bhytNumber = :bhyt or p.phone = :phone)",
                    Map.of("bhyt", bhyt, "phone", phone), ORDER_BY_NAME, first, max);
        }
        String folded = TextFolding.fold(raw);
        if (folded.isEmpty()) {
            return page(filter, communes, "", Map.of(), ORDER_BY_NAME, first, max);
        }
        String[] words = folded.split(" ");
        String given = words[words.length - 1];
        Map<String, Object> byGiven = new HashMap<>();
        byGiven.put("given", escapeLike(given) + "%");
        byGiven.put("exact", folded);
        byGiven.put("givenExact", given);
        String condition = " and p.givenNameFolded like :given";
        if (words.length > 1) {
            condition += " and p.fullNameFolded like :ordered";
            byGiven.put("ordered", "%" + String.join("%", Arrays.stream(words).map(PersonRepository::escapeLike)
                    .toList()) + "%");
        }
        List<Person> ranked = new ArrayList<>(page(filter, communes, condition, byGiven,
                " order by case when p.fullNameFolded = :exact then 0 when p.givenNameFolded = :givenExact then 1"
                        + " else 2 end, p.fullNameFolded, p.id", 0, first + max));
        if (ranked.size() < first + max) {
            ranked.addAll(page(filter, communes, " and p.fullNameFolded like :start and p.givenNameFolded not like"
                            + " :given", Map.of("start", escapeLike(folded) + "%", "given", byGiven.get("given")),
                    ORDER_BY_NAME, 0, first + max - ranked.size()));
        }
        return ranked.subList(Math.min(first, ranked.size()), ranked.size());
    }

    private List<Person> page(PersonFilter filter, Collection<String> communes, String condition,
                              Map<String, Object> parameters, String orderBy, int first, int max) {
        // Units are joined only to limit a commune-scoped caller: a province-wide search stays on the person table,
        // where the name indexes serve it, and the optimizer is not tempted to walk a million rows village by village.
        StringBuilder jpql = new StringBuilder("select p from Person p"
                + (communes != null ? " join p.village v join v.parent c" : "") + " where p.voided = false");
        jpql.append(condition);
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
        if (communes != null) {
            jpql.append(" and c.code in :communes");
        }
        jpql.append(orderBy);
        TypedQuery<Person> q = em.createQuery(jpql.toString(), Person.class);
        parameters.forEach(q::setParameter);
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
        if (communes != null) {
            q.setParameter("communes", communes.isEmpty() ? List.of("-") : communes);
        }
        return q.setFirstResult(first).setMaxResults(max).getResultList();
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
