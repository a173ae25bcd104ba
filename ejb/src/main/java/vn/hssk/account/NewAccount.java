package vn.hssk.account;

import java.util.List;

/**
 * What a province administrator asks for: login, e-mail, names, the role (commune chair or station staff), the
 * communes of the province it works in, and optionally the station staff member who signs in with it.
 */
public record NewAccount(String username, String email, String firstName, String lastName, String role,
                         List<String> communes, Long staffId) {
}
