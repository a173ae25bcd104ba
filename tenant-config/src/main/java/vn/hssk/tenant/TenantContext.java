package vn.hssk.tenant;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The tenant the current thread works for. It is bound once, from the caller's token, at the outermost service call
 * and read by Hibernate when a session opens, so a transaction can never switch tenants halfway. Work started on
 * another thread (asynchronous methods, timers, batch jobs) starts without a tenant and must bind one explicitly with
 * {@link #callAs}; without one every tenant query fails. The bound registry row is taken as it was read for at most
 * {@link #FRESH_MILLIS}; after that the connection provider reads it again ({@link #refreshed}), so that a long call
 * or job follows a province that is paused for a move or switched to another database server, on every node.
 */
public final class TenantContext {

    /** How long a bound registry row is trusted; a province move waits this long after pausing writes. */
    public static final long FRESH_MILLIS = 1000;

    private static final ThreadLocal<Bound> CURRENT = new ThreadLocal<>();

    private record Bound(TenantEntry tenant, long readAt) {
        Bound(TenantEntry tenant) {
            this(tenant, System.nanoTime());
        }

        boolean fresh() {
            return System.nanoTime() - readAt < FRESH_MILLIS * 1_000_000;
        }
    }

    private TenantContext() {
    }

    public static Optional<TenantEntry> current() {
        return Optional.ofNullable(CURRENT.get()).map(Bound::tenant);
    }

    /**
     * The bound tenant, read again from the registry when the bound row is older than {@link #FRESH_MILLIS} (and bound
     * again as read); empty when no tenant is bound or the registry no longer knows it.
     */
    public static Optional<TenantEntry> refreshed(Function<TenantCode, Optional<TenantEntry>> registry) {
        Bound bound = CURRENT.get();
        if (bound == null || bound.fresh()) {
            return current();
        }
        Optional<TenantEntry> now = registry.apply(bound.tenant().code());
        now.ifPresent(tenant -> CURRENT.set(new Bound(tenant)));
        return now;
    }

    public static <T> T callAs(TenantEntry tenant, Callable<T> work) throws Exception {
        Bound previous = CURRENT.get();
        if (previous != null && !previous.tenant().code().equals(tenant.code())) {
            throw new IllegalStateException("Tenant " + previous.tenant().code()
                    + " is bound to this thread; refusing to switch to " + tenant.code());
        }
        if (previous == null) {
            CURRENT.set(new Bound(tenant));
        }
        try {
            return work.call();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            }
        }
    }
}
