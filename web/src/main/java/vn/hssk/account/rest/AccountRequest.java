package vn.hssk.account.rest;

import java.util.List;

/**
 * The body of {@code POST /api/accounts}: role is {@code commune-chair} or {@code station-staff}, communes are codes of
 * current communes of the caller's province, staffId optionally links the account to a station staff member. Role
 * {@code hospital-doctor} takes no communes but {@code facility}, the facility code of an open hospital of the
 * province.
 */
public record AccountRequest(String username, String email, String firstName, String lastName, String role,
                             List<String> communes, Long staffId, String facility) {
}
