package vn.hssk.plan.web;

import java.io.Serializable;
import vn.hssk.plan.QuotaEntry;
import vn.hssk.plan.QuotaLine;

/** One editable line of the quota grid: a village with the population and quota being typed. */
public class QuotaRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long villageId;
    private final String code;
    private final String name;
    private Integer population;
    private Integer quota;

    QuotaRow(QuotaLine line) {
        this.villageId = line.villageId();
        this.code = line.villageCode();
        this.name = line.villageName();
        this.population = line.population();
        this.quota = line.quota();
    }

    QuotaEntry entry() {
        return new QuotaEntry(villageId, population, quota);
    }

    boolean isBlank() {
        return population == null && quota == null;
    }

    public long getVillageId() {
        return villageId;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public Integer getPopulation() {
        return population;
    }

    public void setPopulation(Integer population) {
        this.population = population;
    }

    public Integer getQuota() {
        return quota;
    }

    public void setQuota(Integer quota) {
        this.quota = quota;
    }
}
