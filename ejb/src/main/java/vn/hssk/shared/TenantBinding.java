package vn.hssk.shared;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBContext;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import java.util.Optional;
import vn.hssk.tenant.TenantCode;
import vn.hssk.tenant.TenantContext;
import vn.hssk.tenant.TenantEntry;
import vn.hssk.tenant.TenantRegistry;

/**
 * Binds the caller's province to every service call (a default interceptor of all EJBs, see ejb-jar.xml). The province
 * comes from the token's {@code tenant} claim; an unknown province is refused and a suspended one gets 403, before
 * any service code runs. A call already bound (a service calling another, or work started for a named tenant) keeps
 * its tenant. Callers without the claim (national administrators) reach no tenant data: the connection provider
 * refuses a session without a tenant; an account that is national administrator and also names a province is refused
 * outright, so that no mistake in an account's roles lets the national level see a person.
 */
public class TenantBinding {

    @Resource
    private EJBContext context;

    @AroundInvoke
    public Object bind(InvocationContext invocation) throws Exception {
        if (TenantContext.current().isPresent()) {
            return invocation.proceed();
        }
        CallerIdentity caller = CallerIdentity.of(context);
        Optional<String> claim = caller.tenant();
        if (claim.isEmpty()) {
            return invocation.proceed();
        }
        if (caller.hasRole(Roles.NATIONAL_ADMIN)) {
            throw ProblemException.forbidden("A national administrator's account works for no province; use a"
                    + " province account for province data");
        }
        if (!TenantCode.isValid(claim.get())) {
            throw ProblemException.forbidden("The token names no valid province");
        }
        TenantEntry tenant = TenantRegistry.onPlatform().find(new TenantCode(claim.get()))
                .orElseThrow(() -> ProblemException.forbidden("Province " + claim.get() + " is not on this platform"));
        switch (tenant.status()) {
            case ACTIVE, MOVING, MERGING -> {
                // A province being moved or merged reads as usual; the connection provider makes its writes fail (503).
                return TenantContext.callAs(tenant, invocation::proceed);
            }
            case SUSPENDED -> throw new ProblemException(403, null,
                    "Province " + tenant.code() + " (" + tenant.name() + ") is suspended");
            case MERGED -> throw ProblemException.forbidden("Province " + tenant.code() + " (" + tenant.name()
                    + ") has been merged into another province: " + tenant.statusReason());
            default -> throw ProblemException.forbidden("Province " + tenant.code() + " is not available");
        }
    }
}
