package vn.hssk.review;

import java.time.LocalDate;
import vn.hssk.household.Sex;
import vn.hssk.record.EntrySource;

/**
 * What a commune user entered with a personal ID that was refused because a record they may not act on holds it:
 * kept for the province, never shown to the user. {@code holderId} may be unknown (a concurrent write), then the
 * review looks it up.
 */
public record PersonalIdAttempt(String personalId, Long holderId, long villageId, String fullName,
                                LocalDate birthDate, Sex sex, EntrySource source) {
}
