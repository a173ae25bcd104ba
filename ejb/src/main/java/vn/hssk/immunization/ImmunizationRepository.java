package vn.hssk.immunization;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Queries over the vaccines, schedule, lots, stock and doses of the current tenant. */
@Dependent
public class ImmunizationRepository {

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    public void add(Object entity) {
        em.persist(entity);
    }

    public void flush() {
        em.flush();
    }

    public Optional<Vaccine> vaccine(long id) {
        return Optional.ofNullable(em.find(Vaccine.class, id));
    }

    public Optional<Vaccine> vaccineByCode(String code) {
        return em.createQuery("select v from Vaccine v where v.code = :code", Vaccine.class)
                .setParameter("code", code).getResultList().stream().findFirst();
    }

    public List<Vaccine> vaccines(boolean includeInactive) {
        return em.createQuery("select v from Vaccine v" + (includeInactive ? "" : " where v.active = true")
                + " order by v.code", Vaccine.class).getResultList();
    }

    public Optional<ScheduleDose> scheduleDose(long id) {
        return Optional.ofNullable(em.find(ScheduleDose.class, id));
    }

    /** The schedule rows in force on {@code day} (all rows when null), by vaccine and dose. */
    public List<ScheduleDose> schedule(LocalDate day, Long vaccineId) {
        StringBuilder jpql = new StringBuilder("select s from ScheduleDose s join s.vaccine v where 1 = 1");
        if (day != null) {
            jpql.append(" and s.validFrom <= :day and (s.validTo is null or s.validTo >= :day)");
        }
        if (vaccineId != null) {
            jpql.append(" and v.id = :vaccine");
        }
        jpql.append(" order by s.id");
        TypedQuery<ScheduleDose> q = em.createQuery(jpql.toString(), ScheduleDose.class);
        if (day != null) {
            q.setParameter("day", day);
        }
        if (vaccineId != null) {
            q.setParameter("vaccine", vaccineId);
        }
        return q.getResultList();
    }

    public boolean hasSchedule(Vaccine vaccine) {
        return em.createQuery("select count(s) from ScheduleDose s where s.vaccine = :v", Long.class)
                .setParameter("v", vaccine).getSingleResult() > 0;
    }

    public Optional<ScheduleDose> scheduleDose(Vaccine vaccine, int doseNumber, LocalDate day) {
        return em.createQuery("select s from ScheduleDose s where s.vaccine = :v and s.doseNumber = :n"
                        + " and s.validFrom <= :day and (s.validTo is null or s.validTo >= :day)"
                        + " order by s.validFrom desc", ScheduleDose.class)
                .setParameter("v", vaccine).setParameter("n", doseNumber).setParameter("day", day)
                .setMaxResults(1).getResultList().stream().findFirst();
    }

    public Optional<VaccineLot> lot(long id) {
        return Optional.ofNullable(em.find(VaccineLot.class, id));
    }

    public Optional<VaccineLot> lot(Vaccine vaccine, String lotNumber) {
        return em.createQuery("select l from VaccineLot l where l.vaccine = :v and l.lotNumber = :n",
                        VaccineLot.class)
                .setParameter("v", vaccine).setParameter("n", lotNumber).getResultList().stream().findFirst();
    }

    /** Lots, optionally of one vaccine, optionally only those expiring on or before {@code expiringBy}. */
    public List<VaccineLot> lots(Long vaccineId, LocalDate expiringBy) {
        StringBuilder jpql = new StringBuilder("select l from VaccineLot l join l.vaccine v where 1 = 1");
        if (vaccineId != null) {
            jpql.append(" and v.id = :vaccine");
        }
        if (expiringBy != null) {
            jpql.append(" and l.expiry <= :by");
        }
        jpql.append(" order by l.expiry, l.lotNumber");
        TypedQuery<VaccineLot> q = em.createQuery(jpql.toString(), VaccineLot.class);
        if (vaccineId != null) {
            q.setParameter("vaccine", vaccineId);
        }
        if (expiringBy != null) {
            q.setParameter("by", expiringBy);
        }
        return q.getResultList();
    }

    /** Re-reads a lot's province balance after the ledger changed it. */
    public VaccineLot refreshed(VaccineLot lot) {
        em.flush();
        em.refresh(lot);
        return lot;
    }

    /**
     * The stock of the stations of the given communes (null: all), optionally one station, optionally without the
     * lots the station no longer holds.
     */
    public List<StockLine> stock(Long stationId, Collection<String> communes, boolean withEmpty) {
        StringBuilder sql = new StringBuilder("SELECT s.id, s.name, c.code, l.id, l.lot_number, v.code, v.name,"
                + " l.expiry, k.balance FROM station_stock k JOIN health_station s ON s.id = k.station_id"
                + " JOIN admin_unit c ON c.id = s.commune_id JOIN vaccine_lot l ON l.id = k.lot_id"
                + " JOIN vaccine v ON v.id = l.vaccine_id WHERE 1 = 1");
        if (stationId != null) {
            sql.append(" AND s.id = :station");
        }
        if (communes != null) {
            sql.append(" AND c.code IN (:communes)");
        }
        if (!withEmpty) {
            sql.append(" AND k.balance > 0");
        }
        sql.append(" ORDER BY c.code, s.name, v.code, l.expiry, l.lot_number");
        var q = em.createNativeQuery(sql.toString());
        if (stationId != null) {
            q.setParameter("station", stationId);
        }
        if (communes != null) {
            q.setParameter("communes", communes.isEmpty() ? List.of("-") : communes);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new StockLine(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                ((Number) r[3]).longValue(), (String) r[4], (String) r[5], (String) r[6], day(r[7]),
                ((Number) r[8]).intValue())).toList();
    }

    public List<StockMovement> movements(long stationId, Long lotId, int max) {
        StringBuilder jpql = new StringBuilder("select m from StockMovement m where m.stationId = :station");
        if (lotId != null) {
            jpql.append(" and m.lotId = :lot");
        }
        jpql.append(" order by m.id desc");
        TypedQuery<StockMovement> q = em.createQuery(jpql.toString(), StockMovement.class)
                .setParameter("station", stationId);
        if (lotId != null) {
            q.setParameter("lot", lotId);
        }
        return q.setMaxResults(max).getResultList();
    }

    public long movementSum(long stationId, long lotId) {
        Long sum = em.createQuery("select sum(m.quantity) from StockMovement m where m.stationId = :s"
                        + " and m.lotId = :l", Long.class)
                .setParameter("s", stationId).setParameter("l", lotId).getSingleResult();
        return sum == null ? 0 : sum;
    }

    public Optional<Immunization> dose(long id) {
        return Optional.ofNullable(em.find(Immunization.class, id));
    }

    /** A person's doses, the voided ones too when asked, by date. */
    public List<Immunization> doses(long personId, boolean includeVoided) {
        return em.createQuery("select i from Immunization i join fetch i.vaccine where i.personId = :p"
                        + (includeVoided ? "" : " and i.voided = false")
                        + " order by i.givenOn, i.vaccine.code, i.doseNumber, i.id", Immunization.class)
                .setParameter("p", personId).getResultList();
    }

    public List<Aefi> adverseEvents(long personId, Long doseId) {
        TypedQuery<Aefi> q = em.createQuery("select a from Aefi a where a.personId = :p and a.voided = false"
                + (doseId == null ? "" : " and a.immunizationId = :d") + " order by a.onsetOn, a.id", Aefi.class)
                .setParameter("p", personId);
        if (doseId != null) {
            q.setParameter("d", doseId);
        }
        return q.getResultList();
    }

    public Optional<VaccinationCertificate> certificate(String number) {
        return em.createQuery("select c from VaccinationCertificate c where c.number = :n",
                VaccinationCertificate.class).setParameter("n", number).getResultList().stream().findFirst();
    }

    static LocalDate day(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        return ((Date) value).toLocalDate();
    }
}
