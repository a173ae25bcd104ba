package vn.hssk.icd10;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.hssk.shared.TextFolding;

/** Look-ups in the ICD-10 catalog of the current tenant. */
@Dependent
public class Icd10Repository {

    /** A query that starts like a code (a letter and a digit) is read as a code prefix. */
    private static final Pattern CODE_PREFIX = Pattern.compile("[A-Z]\\d[0-9A-Z.]*");

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    public Optional<Icd10Code> find(String code) {
        String c = Icd10Code.normalize(code);
        return c == null ? Optional.empty() : Optional.ofNullable(em.find(Icd10Code.class, c));
    }

    public void add(Icd10Code code) {
        em.persist(code);
    }

    /**
     * Codes starting with the query when it looks like a code, else codes whose folded name contains every folded
     * word of the query; ordered by code.
     */
    public List<Icd10Code> search(String query, int max) {
        String raw = query == null ? "" : query.strip();
        String asCode = Icd10Code.normalize(raw);
        TypedQuery<Icd10Code> q;
        if (asCode != null && CODE_PREFIX.matcher(asCode).matches()) {
            q = em.createQuery("select c from Icd10Code c where c.code like :prefix order by c.code", Icd10Code.class)
                    .setParameter("prefix", escapeLike(asCode) + "%");
        } else {
            List<String> words = new ArrayList<>(Arrays.stream(TextFolding.fold(raw).split(" "))
                    .filter(w -> !w.isEmpty()).toList());
            StringBuilder jpql = new StringBuilder("select c from Icd10Code c where 1 = 1");
            for (int i = 0; i < words.size(); i++) {
                jpql.append(" and c.nameFolded like :w").append(i);
            }
            jpql.append(" order by c.code");
            q = em.createQuery(jpql.toString(), Icd10Code.class);
            for (int i = 0; i < words.size(); i++) {
                q.setParameter("w" + i, "%" + escapeLike(words.get(i)) + "%");
            }
        }
        return q.setMaxResults(max).getResultList();
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
