package vn.hssk.account;

import java.util.List;

/**
 * What a province administrator asks for: login, e-mail, names, the role (commune chair, station staff or hospital
 * doctor), the communes of the province it works in (not for a doctor), optionally the station staff member who signs
 * in with it, and for a hospital doctor the facility code of their hospital.
 */
public record NewAccount(String username, String email, String firstName, String lastName, String role,
                         List<String> communes, Long staffId, String facility) {

    /** An account of a commune role. */
    public NewAccount(String username, String email, String firstName, String lastName, String role,
                      List<String> communes, Long staffId) {
        this(username, email, firstName, lastName, role, communes, staffId, null);
    }
}
