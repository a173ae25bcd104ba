package vn.hssk.tenant;

import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.engine.jdbc.connections.spi.MultiTenantConnectionProvider;

/**
 * Hands Hibernate a connection switched to the tenant's schema on the tenant's database server. Pooled connections
 * keep the catalog they were last switched to, so the catalog is set on every acquisition, and connections are
 * released after each statement (aggressive release) so that no connection of one tenant outlives the statement it
 * served. An unknown, suspended or missing tenant gets no connection at all: tenant queries fail closed.
 */
public class TenantConnectionProvider implements MultiTenantConnectionProvider<String> {

    private static final long serialVersionUID = 1L;

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
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void releaseConnection(String tenantIdentifier, Connection connection) throws SQLException {
        connection.close();
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
        TenantEntry tenant = TenantContext.current()
                .filter(bound -> bound.code().equals(code))
                .orElseGet(() -> TenantRegistry.onPlatform().find(code).orElse(null));
        if (tenant == null || !tenant.isActive()) {
            throw new SQLException("Tenant " + code + " is not active");
        }
        return tenant;
    }
}
