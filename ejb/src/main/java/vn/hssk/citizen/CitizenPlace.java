package vn.hssk.citizen;

import java.io.Serializable;
import java.util.List;

/**
 * A province that holds a citizen's record: the record, and those of the children of their household for whom they
 * are the registered parent. One personal ID in two provinces is two places, never merged.
 */
public record CitizenPlace(String province, String provinceName, CitizenRecord self, List<CitizenRecord> children)
        implements Serializable {
}
