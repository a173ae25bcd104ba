package vn.hssk.plan;

import java.io.Serializable;
import java.util.List;

/** The quotas of one commune's villages for one year, as the editable grid shows them, with the totals. */
public record QuotaGrid(long communeId, String communeCode, String communeName, int year, List<QuotaLine> lines)
        implements Serializable {

    public int totalPopulation() {
        return lines.stream().mapToInt(l -> l.population() == null ? 0 : l.population()).sum();
    }

    public int totalQuota() {
        return lines.stream().mapToInt(l -> l.quota() == null ? 0 : l.quota()).sum();
    }
}
