package vn.hssk.plan;

import java.io.Serializable;

/** What is typed or imported for one village: its population and quota of the year. */
public record QuotaEntry(Long villageId, Integer population, Integer quota) implements Serializable {
}
