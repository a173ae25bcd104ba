package vn.hssk.shared;

import jakarta.ejb.EJBContext;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.wildfly.security.http.oidc.AccessToken;
import org.wildfly.security.http.oidc.OidcPrincipal;

/**
 * The authenticated caller as the token describes them: username, realm roles, the province ({@code tenant} claim),
 * the communes ({@code communes} claim) and, for a hospital doctor, the facility ({@code facility} claim, a facility
 * code) they work in. Tenant, communes and facility come only from the signed token, never from a request parameter.
 */
public record CallerIdentity(String username, Set<String> roles, Optional<String> tenant, Set<String> communes,
                             Optional<String> facility) {

    private static final List<String> ALL_ROLES =
            List.of(Roles.NATIONAL_ADMIN, Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF,
                    Roles.HOSPITAL_DOCTOR, Roles.CITIZEN);

    /** A caller who works in no facility. */
    public CallerIdentity(String username, Set<String> roles, Optional<String> tenant, Set<String> communes) {
        this(username, roles, tenant, communes, Optional.empty());
    }

    public static CallerIdentity of(EJBContext context) {
        Principal principal = context.getCallerPrincipal();
        Set<String> roles = new TreeSet<>();
        for (String role : ALL_ROLES) {
            if (context.isCallerInRole(role)) {
                roles.add(role);
            }
        }
        Optional<String> tenant = Optional.empty();
        Set<String> communes = new TreeSet<>();
        Optional<String> facility = Optional.empty();
        String username = principal == null ? "anonymous" : principal.getName();
        if (principal instanceof OidcPrincipal<?> oidc && oidc.getOidcSecurityContext() != null) {
            AccessToken token = oidc.getOidcSecurityContext().getToken();
            if (token != null) {
                String preferred = token.getPreferredUsername();
                if (preferred != null) {
                    username = preferred;
                }
                String claim = token.getClaimValueAsString("tenant");
                if (claim != null && !claim.isBlank()) {
                    tenant = Optional.of(claim.trim());
                }
                String facilityClaim = token.getClaimValueAsString("facility");
                if (facilityClaim != null && !facilityClaim.isBlank()) {
                    facility = Optional.of(facilityClaim.trim());
                }
                if (token.hasClaim("communes")) {
                    List<String> values = token.getStringListClaimValue("communes");
                    if (values != null) {
                        values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim)
                                .forEach(communes::add);
                    }
                }
            }
        }
        return new CallerIdentity(username, Set.copyOf(roles), tenant, Set.copyOf(communes), facility);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /**
     * The province this caller works in, bound to the call by {@link TenantBinding}. Callers without one (national
     * administrators) are refused: they see no tenant's data.
     */
    public String requireTenant() {
        return tenant.orElseThrow(() -> ProblemException.forbidden("This account works for no province"));
    }

    /**
     * The communes a commune-scoped caller may see, or {@code null} for callers who see the whole province. Every
     * query over commune data passes this on; it is the one place the commune scope is decided.
     */
    public Set<String> communeScope() {
        return isCommuneScoped() ? communes : null;
    }

    /**
     * Commune chairs and station staff work inside the communes of their token; province roles see the province. A
     * hospital doctor has no communes: the commune scope lets them reach no unit, so that nothing but what a
     * consultation shares reaches them, even through a service that forgot to leave their role out.
     */
    public boolean isCommuneScoped() {
        return !hasRole(Roles.PROVINCE_ADMIN) && (hasRole(Roles.COMMUNE_CHAIR) || hasRole(Roles.STATION_STAFF)
                || hasRole(Roles.HOSPITAL_DOCTOR));
    }

    /** The facility code of a hospital doctor's token; refused (403) for an account that names none. */
    public String requireFacility() {
        return facility.orElseThrow(() -> ProblemException.forbidden("This account works for no facility"));
    }
}
