package vn.hssk.tenant;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Tells Hibernate which tenant a new session belongs to: the one bound to the thread by {@link TenantContext}. With
 * none bound it answers {@value #NO_TENANT}, which the connection provider refuses.
 */
public class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<String> {

    public static final String NO_TENANT = "none";

    @Override
    public String resolveCurrentTenantIdentifier() {
        return TenantContext.current().map(t -> t.code().value()).orElse(NO_TENANT);
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return true;
    }
}
