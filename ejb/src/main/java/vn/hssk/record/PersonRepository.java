package vn.hssk.record;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.hssk.shared.TextFolding;

/** Queries over the persons of the current tenant. */
@Dependent
public class PersonRepository {

    private static final Pattern PERSONAL_ID = Pattern.compile("\\d{12}");
    private static final Pattern DIGITS = Pattern.compile("\\+?\\d{9,15}");

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    public Optional<Person> find(long id) {
        return Optional.ofNullable(em.find(Person.class, id));
    }

    public Optional<Person> findByPersonalId(String personalId) {
        return em.createQuery("select p from Person p where p.personalId = :pid", Person.class)
                .setParameter("pid", personalId).getResultStream().findFirst();
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
     * (exact), or else as words of the folded name; for commune-scoped callers only in their communes.
     */
    public List<Person> search(PersonFilter filter, Collection<String> communes, int first, int max) {
        StringBuilder jpql = new StringBuilder(
                "select p from Person p join p.village v join v.parent c where p.voided = false");
        String raw = filter.query() == null ? "" : filter.query().strip();
        String compact = raw.replaceAll("[\\s.()-]", "");
        String personalId = null;
        String bhyt = null;
        String phone = null;
        String folded = null;
        if (PERSONAL_ID.matcher(compact).matches()) {
            personalId = compact;
        } else if (!compact.isEmpty() && (DIGITS.matcher(compact).matches()
                || RecordFields.bhxhNumber(compact) != null)) {
            bhyt = RecordFields.bhxhNumber(compact);
            phone = compact.startsWith("+84") ? "0" + compact.substring(3) : compact;
        } else if (!raw.isEmpty()) {
            folded = TextFolding.fold(raw);
        }
        if (personalId != null) {
            jpql.append(" and p.personalId = :pid");
        } else if (bhyt != null) {
            jpql.append(" and (p.bhytNumber = :bhyt or p.phone = :phone)");
        } else if (phone != null) {
            jpql.append(" and p.phone = :phone");
        } else if (folded != null) {
            jpql.append(" and p.fullNameFolded like :name");
        }
        if (filter.villageId() != null) {
            jpql.append(" and v.id = :village");
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
        jpql.append(" order by p.fullNameFolded, p.id");
        TypedQuery<Person> q = em.createQuery(jpql.toString(), Person.class);
        if (personalId != null) {
            q.setParameter("pid", personalId);
        } else if (bhyt != null) {
            q.setParameter("bhyt", bhyt).setParameter("phone", phone);
        } else if (phone != null) {
            q.setParameter("phone", phone);
        } else if (folded != null) {
            q.setParameter("name", "%" + escapeLike(folded) + "%");
        }
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
