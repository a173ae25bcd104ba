package vn.hssk.claims;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A claim waiting for review as a reviewer sees it: the claim, the commune whose list it is in (null: the province's
 * list), and the candidate person the matching rule offered, if the reviewer may see that person.
 */
public record ReviewItem(Claim claim, String communeCode, String communeName, Candidate candidate) {

    /** The person the claim may be: id, name and date of birth as the record has them. */
    public record Candidate(long personId, String fullName, LocalDate birthDate) implements Serializable {
    }
}
