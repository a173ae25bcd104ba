package vn.hssk.tenant;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The tenant the current thread works for. It is bound once, from the caller's token, at the outermost service call
 * and read by Hibernate when a session opens, so a transaction can never switch tenants halfway. Work started on
 * another thread (asynchronous methods, timers, batch jobs) starts without a tenant and must bind one explicitly with
 * {@link #callAs}; without one every tenant query fails.
 */
public final class TenantContext {

    private static final ThreadLocal<TenantEntry> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Optional<TenantEntry> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static <T> T callAs(TenantEntry tenant, Callable<T> work) throws Exception {
        TenantEntry previous = CURRENT.get();
        if (previous != null && !previous.code().equals(tenant.code())) {
            throw new IllegalStateException(
                    "Tenant " + previous.code() + " is bound to this thread; refusing to switch to " + tenant.code());
        }
        CURRENT.set(tenant);
        try {
            return work.call();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            }
        }
    }
}
