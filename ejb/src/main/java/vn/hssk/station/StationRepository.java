package vn.hssk.station;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;

/** Queries over the stations and staff of the current tenant. */
@Dependent
public class StationRepository {

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    public Optional<HealthStation> find(long id) {
        return Optional.ofNullable(em.find(HealthStation.class, id));
    }

    public Optional<StationStaff> findStaff(long id) {
        return Optional.ofNullable(em.find(StationStaff.class, id));
    }

    public void add(HealthStation station) {
        em.persist(station);
    }

    public void add(StationStaff staff) {
        em.persist(staff);
    }

    /** Forces pending inserts so that a unique key violated by a concurrent writer surfaces inside the use case. */
    public void flush() {
        em.flush();
    }

    /**
     * Stations, main ones first, optionally of one commune (by code), only within the given communes (null: all),
     * open ones only unless asked.
     */
    public List<HealthStation> stations(String communeCode, Collection<String> communes, boolean includeClosed) {
        StringBuilder jpql = new StringBuilder("select s from HealthStation s join s.commune c where 1 = 1");
        if (communeCode != null) {
            jpql.append(" and c.code = :code");
        }
        if (communes != null) {
            jpql.append(" and c.code in :communes");
        }
        if (!includeClosed) {
            jpql.append(" and s.closedOn is null");
        }
        jpql.append(" order by c.code, case when s.parent is null then 0 else 1 end, s.nameFolded, s.id");
        TypedQuery<HealthStation> q = em.createQuery(jpql.toString(), HealthStation.class);
        if (communeCode != null) {
            q.setParameter("code", communeCode);
        }
        if (communes != null) {
            q.setParameter("communes", communes.isEmpty() ? List.of("-") : communes);
        }
        return q.getResultList();
    }

    public Optional<HealthStation> openMainStation(AdministrativeUnit commune) {
        return em.createQuery("select s from HealthStation s where s.commune = :commune and s.parent is null"
                        + " and s.closedOn is null", HealthStation.class)
                .setParameter("commune", commune).getResultList().stream().findFirst();
    }

    public Optional<HealthStation> openWithFacilityCode(String code) {
        return em.createQuery("select s from HealthStation s where s.facilityCode = :code and s.closedOn is null",
                        HealthStation.class)
                .setParameter("code", code).getResultList().stream().findFirst();
    }

    public long openSubSites(HealthStation main) {
        return em.createQuery("select count(s) from HealthStation s where s.parent = :main and s.closedOn is null",
                        Long.class)
                .setParameter("main", main).getSingleResult();
    }

    /** Staff, optionally of one station, only within the given communes (null: all), present staff unless asked. */
    public List<StationStaff> staff(Long stationId, Collection<String> communes, boolean includeEnded) {
        StringBuilder jpql = new StringBuilder(
                "select m from StationStaff m join m.station s join s.commune c where 1 = 1");
        if (stationId != null) {
            jpql.append(" and s.id = :station");
        }
        if (communes != null) {
            jpql.append(" and c.code in :communes");
        }
        if (!includeEnded) {
            jpql.append(" and m.endedOn is null");
        }
        jpql.append(" order by c.code, s.id, m.position, m.fullNameFolded, m.id");
        TypedQuery<StationStaff> q = em.createQuery(jpql.toString(), StationStaff.class);
        if (stationId != null) {
            q.setParameter("station", stationId);
        }
        if (communes != null) {
            q.setParameter("communes", communes.isEmpty() ? List.of("-") : communes);
        }
        return q.getResultList();
    }

    public long countStations() {
        return em.createQuery("select count(s) from HealthStation s", Long.class).getSingleResult();
    }

    /** The most recent commune unit with this code, current or closed (a former commune). */
    public Optional<AdministrativeUnit> latestCommune(String code) {
        return em.createQuery("select u from AdministrativeUnit u where u.code = :code and u.level = :level"
                        + " order by u.validFrom desc", AdministrativeUnit.class)
                .setParameter("code", code).setParameter("level", UnitLevel.COMMUNE)
                .setMaxResults(1).getResultList().stream().findFirst();
    }

    /** Communes by code, current ones only unless asked, only within the given communes (null: all). */
    public List<AdministrativeUnit> communes(Collection<String> communes, boolean includeClosed) {
        String jpql = "select u from AdministrativeUnit u where u.level = :level"
                + (communes == null ? "" : " and u.code in :communes")
                + (includeClosed ? "" : " and u.validTo is null") + " order by u.code, u.validFrom desc";
        TypedQuery<AdministrativeUnit> q = em.createQuery(jpql, AdministrativeUnit.class)
                .setParameter("level", UnitLevel.COMMUNE);
        if (communes != null) {
            q.setParameter("communes", communes.isEmpty() ? List.of("-") : communes);
        }
        return q.getResultList();
    }

    public Optional<AdministrativeUnit> currentCommune(String code) {
        return em.createQuery("select u from AdministrativeUnit u where u.code = :code and u.level = :level"
                        + " and u.validTo is null", AdministrativeUnit.class)
                .setParameter("code", code).setParameter("level", UnitLevel.COMMUNE)
                .getResultList().stream().findFirst();
    }
}
