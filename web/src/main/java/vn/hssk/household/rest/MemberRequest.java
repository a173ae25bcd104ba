package vn.hssk.household.rest;

/**
 * The body of adding a member and of correcting one (with the member's version). {@code sex} is MALE or FEMALE;
 * {@code relation} one of HEAD, SPOUSE, CHILD, PARENT, GRANDPARENT, GRANDCHILD, SIBLING, CHILD_IN_LAW, OTHER.
 */
public record MemberRequest(String fullName, String sex, String birthDate, String relation, String personalId,
                            Integer version) {
}
