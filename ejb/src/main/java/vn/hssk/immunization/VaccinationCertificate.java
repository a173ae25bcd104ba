package vn.hssk.immunization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A vaccination certificate as issued: its random number and a frozen copy (JSON) of exactly what it shows, so that
 * the public verification page shows the same and nothing more, even after the record changes.
 */
@Entity
@Table(name = "vaccination_certificate")
public class VaccinationCertificate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 20)
    private String number;

    @Column(name = "person_id", nullable = false)
    private long personId;

    @Column(nullable = false, columnDefinition = "TEXT")
    private String content;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "issued_by", nullable = false, length = 100)
    private String issuedBy;

    protected VaccinationCertificate() {
    }

    VaccinationCertificate(long personId, String content, String issuedBy, String number) {
        this.number = number;
        this.personId = personId;
        this.content = content;
        this.issuedAt = Instant.now();
        this.issuedBy = issuedBy;
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public long getPersonId() {
        return personId;
    }

    public String getContent() {
        return content;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }
}
