package vn.hssk.account.rest;

import java.util.List;
import vn.hssk.tenant.KeycloakAdmin.TenantAccount;

/** An account of the province as the API shows it. */
public record AccountView(String username, String email, String firstName, String lastName, String role,
                          List<String> communes, boolean enabled, String facility) {

    static AccountView of(TenantAccount a) {
        return new AccountView(a.username(), a.email(), a.firstName(), a.lastName(), a.role(), a.communes(),
                a.enabled(), a.facility());
    }
}
