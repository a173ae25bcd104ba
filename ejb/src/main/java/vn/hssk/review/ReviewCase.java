package vn.hssk.review;

import java.io.Serializable;
import vn.hssk.record.Person;

/**
 * A case as the province administrator reads it: the case and the record it concerns (the holder of the ID for an
 * attempt, the saved record for an unknown prefix), read under the audit trail; {@code record} is null if none.
 */
public record ReviewCase(PersonalIdReview review, Person record) implements Serializable {
}
