package vn.hssk.tenant;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Finds the datasource of a database server named in the registry. The server {@value #DEFAULT_SERVER} holds the
 * platform schema and, on one machine, every tenant; a province moved to its own MariaDB server gets a datasource
 * {@code java:jboss/datasources/HsskDS_<server>} defined in the server configuration and the registry names it.
 */
public final class TenantDataSources {

    public static final String DEFAULT_SERVER = "default";
    public static final String DEFAULT_JNDI = "java:jboss/datasources/HsskDS";

    private TenantDataSources() {
    }

    public static DataSource platform() {
        return forServer(DEFAULT_SERVER);
    }

    public static DataSource forServer(String server) {
        String jndi = jndi(server);
        try {
            return (DataSource) new InitialContext().lookup(jndi);
        } catch (NamingException e) {
            throw new IllegalStateException("No datasource " + jndi + " for database server '" + server + "'", e);
        }
    }

    /** Whether this server's configuration defines (and enables) the datasource of the named database server. */
    public static boolean exists(String server) {
        try {
            return new InitialContext().lookup(jndi(server)) instanceof DataSource;
        } catch (NamingException e) {
            return false;
        }
    }

    private static String jndi(String server) {
        return DEFAULT_SERVER.equals(server) ? DEFAULT_JNDI : DEFAULT_JNDI + "_" + server;
    }
}
