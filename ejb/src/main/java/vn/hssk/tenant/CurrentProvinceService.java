package vn.hssk.tenant;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import java.util.Set;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.Roles;

/**
 * Tells a signed-in user who they are and which province they work in, so that each lands in their own province.
 * Passing through the tenant binding, it also refuses members of suspended or unknown provinces.
 */
@Stateless
public class CurrentProvinceService {

    /** The caller and, for province users, their province. */
    public record Me(String username, Set<String> roles, String tenantCode, String tenantName, Set<String> communes) {
    }

    @Resource
    private EJBContext context;

    @PermitAll
    public Me whoAmI() {
        CallerIdentity caller = CallerIdentity.of(context);
        if (caller.tenant().isEmpty() && !caller.hasRole(Roles.NATIONAL_ADMIN) && !caller.hasRole(Roles.CITIZEN)) {
            throw vn.hssk.shared.ProblemException.forbidden("This account works for no province");
        }
        String name = TenantContext.current().map(TenantEntry::name).orElse(null);
        return new Me(caller.username(), caller.roles(), caller.tenant().orElse(null), name, caller.communes());
    }
}
