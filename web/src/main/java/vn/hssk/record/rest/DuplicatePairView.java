package vn.hssk.record.rest;

import java.util.List;
import vn.hssk.record.DuplicatePair;

/** Two records that may be one resident, with why they were paired (NAME_BIRTH, BHYT). */
public record DuplicatePairView(PersonView first, PersonView second, List<String> reasons) {

    static DuplicatePairView of(DuplicatePair pair) {
        return new DuplicatePairView(PersonView.of(pair.first()), PersonView.of(pair.second()), pair.reasons());
    }
}
