package vn.hssk.tenant;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;

/**
 * Hands Hibernate a connection switched to the tenant's schema on the tenant's database server. Pooled connections
 * keep the catalog they were last switched to, so the catalog is set on every acquisition, and connections are
 * released after each statement (aggressive release) so that no connection of one tenant outlives the statement it
 * served. An unknown, suspended or missing tenant gets no connection at all: tenant queries fail closed. A tenant being
 * moved to another database server ({@link TenantStatus#MOVING}) gets read-only connections, so that its writes fail
 * in the database ({@value #READ_ONLY_ERROR}, answered 503) on every path while its reads go on; such a connection is
 * put back to read-write when released, before the pool hands it to another tenant. The registry row bound to the call
 * is read again once it is a second old ({@link TenantContext#refreshed}), so every node follows a pause or a switch
 * of database server within that second.
 */
public class TenantConnectionProvider implements MultiTenantConnectionProvider<String> {

    private static final long serialVersionUID = 1L;
    /** MariaDB's error for a write in a read-only transaction (SQLSTATE 25006). */
    public static final int READ_ONLY_ERROR = 1792;

    private final transient Set<Connection> readOnly = ConcurrentHashMap.newKeySet();

    @Override
    public Connection getAnyConnection() throws SQLException {
        return TenantDataSources.platform().getConnection();
    }

    @Override
    public void releaseAnyConnection(Connection connection) throws SQLException {
        connection.close();
    }

    @Override
    public Connection getConnection(String tenantIdentifier) throws SQLException {
        TenantEntry tenant = resolve(tenantIdentifier);
        Connection connection = TenantDataSources.forServer(tenant.dbServer()).getConnection();
        try {
            connection.setCatalog(tenant.schema());
            if (!tenant.isActive()) {
                transactionsReadOnly(connection, true);
                readOnly.add(connection);
            }
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void releaseConnection(String tenantIdentifier, Connection connection) throws SQLException {
        try {
            if (readOnly.remove(connection)) {
                transactionsReadOnly(connection, false);
            }
        } finally {
            connection.close();
        }
    }

    /**
     * For the session's next transactions (the one running, if any, keeps its mode); set before the first statement
     * of a transaction, it makes that one read-only.
     */
    private static void transactionsReadOnly(Connection connection, boolean readOnly) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET SESSION TRANSACTION " + (readOnly ? "READ ONLY" : "READ WRITE"));
        }
    }

    @Override
    public boolean supportsAggressiveRelease() {
        return true;
    }

    @Override
    public boolean isUnwrappableAs(Class<?> unwrapType) {
        return unwrapType.isInstance(this);
    }

    @Override
    public <T> T unwrap(Class<T> unwrapType) {
        if (isUnwrappableAs(unwrapType)) {
            return unwrapType.cast(this);
        }
        throw new IllegalArgumentException("Cannot unwrap to " + unwrapType);
    }

    private static TenantEntry resolve(String tenantIdentifier) throws SQLException {
        if (!TenantCode.isValid(tenantIdentifier)) {
            throw new SQLException("No tenant is bound to this call; tenant data is not reachable without one");
        }
        TenantCode code = new TenantCode(tenantIdentifier);
        TenantRegistry registry = TenantRegistry.onPlatform();
        TenantEntry tenant = TenantContext.current().filter(bound -> bound.code().equals(code)).isPresent()
                ? TenantContext.refreshed(registry::find).orElse(null)
                : registry.find(code).orElse(null);
        if (tenant == null || !tenant.servesReads()) {
            throw new SQLException("Tenant " + code + " is not active");
        }
        return tenant;
    }
}
