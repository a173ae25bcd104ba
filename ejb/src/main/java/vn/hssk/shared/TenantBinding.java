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
 * refuses a session without a tenant.
 */
public class TenantBinding {

    @Resource
    private EJBContext context;

    @AroundInvoke
    public Object bind(InvocationContext invocation) throws Exception {
        if (TenantContext.current().isPresent()) {
            return invocation.proceed();
        }
        Optional<String> claim = CallerIdentity.of(context).tenant();
        if (claim.isEmpty()) {
            return invocation.proceed();
        }
        if (!TenantCode.isValid(claim.get())) {
            throw ProblemException.forbidden("The token names no valid province");
        }
        TenantEntry tenant = TenantRegistry.onPlatform().find(new TenantCode(claim.get()))
                .orElseThrow(() -> ProblemException.forbidden("Province " + claim.get() + " is not on this platform"));
        switch (tenant.status()) {
            case ACTIVE -> {
                return TenantContext.callAs(tenant, invocation::proceed);
            }
            case SUSPENDED -> throw new ProblemException(403, null,
                    "Province " + tenant.code() + " (" + tenant.name() + ") is suspended");
            default -> throw ProblemException.forbidden("Province " + tenant.code() + " is not available");
        }
    }
}
