package vn.hssk.plan;

import java.io.Serializable;

/** A village's line of a commune's quota grid; population and quota are null while none is recorded that year. */
public record QuotaLine(long villageId, String villageCode, String villageName, Integer population, Integer quota)
        implements Serializable {
}
