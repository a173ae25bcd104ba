package vn.hssk.record;

import java.time.LocalDate;
import vn.hssk.household.Sex;

/**
 * A search over persons: {@code query} is a personal ID, a BHYT number (10 digits or the old 15-character card), a
 * phone number, or words of the name with or without diacritics; the rest narrow the result.
 */
public record PersonFilter(String query, Long villageId, Sex sex, LocalDate bornFrom, LocalDate bornTo) {
}
