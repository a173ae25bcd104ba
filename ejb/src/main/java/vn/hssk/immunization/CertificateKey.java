package vn.hssk.immunization;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The province's key for signing certificate tokens, kept in its schema (table {@code certificate_key}) so that every
 * node signs and verifies with the same key and a restart changes nothing. The first node that needs it creates it;
 * a concurrent creation by another node loses to the first row ({@code INSERT IGNORE}) and reads that one.
 */
@Dependent
public class CertificateKey {

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    public byte[] secret() {
        byte[] existing = read();
        if (existing != null) {
            return existing;
        }
        em.createNativeQuery("INSERT IGNORE INTO certificate_key (id, secret, created_at) VALUES (1, ?1, ?2)")
                .setParameter(1, CertificateToken.newKey()).setParameter(2, Timestamp.from(Instant.now()))
                .executeUpdate();
        return read();
    }

    private byte[] read() {
        List<?> rows = em.createNativeQuery("SELECT secret FROM certificate_key WHERE id = 1").getResultList();
        return rows.isEmpty() ? null : (byte[]) rows.get(0);
    }
}
