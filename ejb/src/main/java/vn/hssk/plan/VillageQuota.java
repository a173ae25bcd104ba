package vn.hssk.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import vn.hssk.shared.Audited;
import vn.hssk.shared.ProblemException;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;

/**
 * How many records a village is to create in a year (chỉ tiêu lập hồ sơ) and its population (nhân khẩu) that year,
 * as a commune's plan lists them (seed 002). Neither is negative; whether a quota above the population is accepted is
 * the service's question (it needs the user's confirmation), not the entity's.
 */
@Entity
@Table(name = "village_quota")
public class VillageQuota extends Audited {

    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "village_id")
    private AdministrativeUnit village;

    @Column(nullable = false)
    private int year;

    @Column(nullable = false)
    private int population;

    @Column(nullable = false)
    private int quota;

    protected VillageQuota() {
    }

    public VillageQuota(AdministrativeUnit village, int year, int population, int quota, String actor) {
        if (village == null || village.getLevel() != UnitLevel.VILLAGE) {
            throw ProblemException.invalid("villageId", "A quota belongs to a village");
        }
        checkYear(year);
        check(population, quota);
        this.village = village;
        this.year = year;
        this.population = population;
        this.quota = quota;
        recordCreation(actor);
    }

    static void checkYear(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw ProblemException.invalid("year", "Year is between " + MIN_YEAR + " and " + MAX_YEAR);
        }
    }

    private static void check(int population, int quota) {
        if (population < 0) {
            throw ProblemException.invalid("population", "Population cannot be negative");
        }
        if (quota < 0) {
            throw ProblemException.invalid("quota", "A quota cannot be negative");
        }
    }

    /** Sets new figures; answers whether anything changed. */
    public boolean revise(int newPopulation, int newQuota, String actor) {
        check(newPopulation, newQuota);
        if (newPopulation == population && newQuota == quota) {
            return false;
        }
        this.population = newPopulation;
        this.quota = newQuota;
        recordChange(actor);
        return true;
    }

    public Long getId() {
        return id;
    }

    public AdministrativeUnit getVillage() {
        return village;
    }

    public int getYear() {
        return year;
    }

    public int getPopulation() {
        return population;
    }

    public int getQuota() {
        return quota;
    }
}
