package vn.hssk.record;

import java.util.List;

/** Two live records that may be one resident, and why they were paired: {@code NAME_BIRTH} and/or {@code BHYT}. */
public record DuplicatePair(PersonResult first, PersonResult second, List<String> reasons) {
}
