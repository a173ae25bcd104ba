package vn.hssk.citizen;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import vn.hssk.shared.Audited;
import vn.hssk.unit.AdministrativeUnit;

/**
 * What a citizen sends to a station about one record (feedback, a change request): the record it is about, and the
 * commune whose station it goes to, the record's commune when it was sent. Commune-scoped staff see it by that commune.
 */
@MappedSuperclass
public abstract class CitizenMessage extends Audited {

    @Column(name = "person_id", nullable = false)
    private long personId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "commune_id")
    private AdministrativeUnit commune;

    protected CitizenMessage() {
    }

    protected CitizenMessage(long personId, AdministrativeUnit commune, String actor) {
        this.personId = personId;
        this.commune = commune;
        recordCreation(actor);
    }

    public abstract Long getId();

    public long getPersonId() {
        return personId;
    }

    public AdministrativeUnit getCommune() {
        return commune;
    }
}
