package vn.hssk.account.web;

import java.io.Serializable;
import java.util.List;
import vn.hssk.tenant.KeycloakAdmin.TenantAccount;

/** One line of the accounts table. */
public class AccountRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String username;
    private final String email;
    private final String name;
    private final String role;
    private final List<String> communes;
    private final boolean enabled;
    private final String facility;

    AccountRow(TenantAccount a) {
        this.username = a.username();
        this.email = a.email();
        String family = a.lastName() == null ? "" : a.lastName();
        String given = a.firstName() == null ? "" : a.firstName();
        this.name = (family + " " + given).trim();
        this.role = a.role();
        this.communes = List.copyOf(a.communes());
        this.enabled = a.enabled();
        this.facility = a.facility();
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return name;
    }

    public String getRole() {
        return role;
    }

    /** The communes of a commune account, or the facility code of a hospital doctor's. */
    public String getCommunes() {
        return facility != null ? facility : String.join(", ", communes);
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Only commune chairs', station staff's and hospital doctors' accounts are disabled or enabled here. */
    public boolean isManaged() {
        return "commune-chair".equals(role) || "station-staff".equals(role) || "hospital-doctor".equals(role);
    }
}
