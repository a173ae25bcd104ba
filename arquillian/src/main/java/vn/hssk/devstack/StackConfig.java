package vn.hssk.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the parts of the embedded stack come from and which ports they use, as passed by Maven (the {@code run}
 * profile and the failsafe configuration of this module) in {@code hssk.*} system properties. The defaults suit a
 * start from the repository root, e.g. from an IDE.
 *
 * @param serverDir    the Galleon-provisioned WildFly home ({@code hssk.server.dir})
 * @param earFile      the application archive ({@code hssk.ear.file})
 * @param keycloakDist an unpacked Keycloak distribution, never modified ({@code hssk.keycloak.dist})
 * @param workDir      everything the stack writes: database, Keycloak and WildFly state, logs ({@code hssk.work.dir})
 * @param dbPort       MariaDB ({@code hssk.db.port})
 * @param secondDbPort the second MariaDB, database server {@value #SECOND_SERVER} ({@code hssk.db.second.port}, 3307);
 *                     0 when {@code hssk.db.second=false} leaves it out
 * @param keycloakPort Keycloak HTTP ({@code hssk.keycloak.port})
 * @param appPort      WildFly HTTP ({@code hssk.app.port}); any port other than 8080 shifts all WildFly ports by the
 *                     same offset, so that a second stack can run next to the first
 */
public record StackConfig(Path serverDir, Path earFile, Path keycloakDist, Path workDir,
                          int dbPort, int secondDbPort, int keycloakPort, int appPort) {

    public static final String KEYCLOAK_VERSION = "26.4.7";
    public static final int DEFAULT_APP_PORT = 8080;
    /** The name of the second database server in the tenant registry, datasource {@code HsskDS_second}. */
    public static final String SECOND_SERVER = "second";
    private static final int DEFAULT_MANAGEMENT_PORT = 9990;
    private static final int MAX_APP_PORT = 65535 - (9993 - DEFAULT_APP_PORT);

    public StackConfig {
        serverDir = serverDir.toAbsolutePath().normalize();
        earFile = earFile.toAbsolutePath().normalize();
        keycloakDist = keycloakDist.toAbsolutePath().normalize();
        workDir = workDir.toAbsolutePath().normalize();
        if (secondDbPort != 0 && (secondDbPort == dbPort || secondDbPort == keycloakPort || secondDbPort == appPort)) {
            throw new StackException("hssk.db.second.port (" + secondDbPort + ") must differ from the stack's other"
                    + " ports; hssk.db.second=false leaves the second database server out");
        }
        if (dbPort == keycloakPort || dbPort == appPort || keycloakPort == appPort) {
            throw new StackException("The stack's ports must differ: hssk.db.port=" + dbPort
                    + ", hssk.keycloak.port=" + keycloakPort + ", hssk.app.port=" + appPort);
        }
        if (appPort < DEFAULT_APP_PORT || appPort > MAX_APP_PORT) {
            throw new StackException("hssk.app.port must be between " + DEFAULT_APP_PORT + " and " + MAX_APP_PORT
                    + ", not " + appPort + ": WildFly moves all its ports (up to management HTTPS, 9993) by"
                    + " hssk.app.port - " + DEFAULT_APP_PORT);
        }
    }

    public static StackConfig fromSystemProperties() {
        return from(System.getProperties());
    }

    public static StackConfig from(Properties properties) {
        return new StackConfig(
                path(properties, "hssk.server.dir", "ear/target/server"),
                path(properties, "hssk.ear.file", "ear/target/hssk.ear"),
                path(properties, "hssk.keycloak.dist", "arquillian/target/keycloak-dist/keycloak-" + KEYCLOAK_VERSION),
                path(properties, "hssk.work.dir", "data"),
                port(properties, "hssk.db.port", 3306),
                Boolean.parseBoolean(properties.getProperty("hssk.db.second", "true").trim())
                        ? port(properties, "hssk.db.second.port", 3307) : 0,
                port(properties, "hssk.keycloak.port", 8180),
                port(properties, "hssk.app.port", DEFAULT_APP_PORT));
    }

    /** Checks that the provisioned WildFly exists; returns this config for chaining. */
    public StackConfig requireServer() {
        if (!Files.isRegularFile(serverDir.resolve("bin/standalone.sh"))
                || !Files.isDirectory(serverDir.resolve("standalone/configuration"))) {
            throw new StackException("WildFly server not found at " + serverDir
                    + " (no bin/standalone.sh or standalone/configuration): run the build first (mvn package),"
                    + " or point hssk.server.dir at a provisioned server.");
        }
        return this;
    }

    public StackConfig requireEar() {
        if (!Files.exists(earFile)) {
            throw new StackException("Application archive not found at " + earFile
                    + ": run the build first (mvn package), or point hssk.ear.file at the EAR.");
        }
        return this;
    }

    public StackConfig requireKeycloakDist() {
        if (!Files.isRegularFile(keycloakDist.resolve("bin/kc.sh"))) {
            throw new StackException("Keycloak distribution not found at " + keycloakDist
                    + " (no bin/kc.sh): run the build first (mvn package unpacks keycloak-quarkus-dist "
                    + KEYCLOAK_VERSION + " into arquillian/target/keycloak-dist), or point hssk.keycloak.dist at it.");
        }
        return this;
    }

    public boolean hasSecondDb() {
        return secondDbPort != 0;
    }

    public Path logDir() {
        return workDir.resolve("logs");
    }

    /** What WildFly adds to each of its standard ports, so that HTTP listens on {@link #appPort()}. */
    public int wildFlyPortOffset() {
        return appPort - DEFAULT_APP_PORT;
    }

    public int managementPort() {
        return DEFAULT_MANAGEMENT_PORT + wildFlyPortOffset();
    }

    private static Path path(Properties properties, String key, String defaultValue) {
        String value = properties.getProperty(key, defaultValue).trim();
        if (value.isEmpty()) {
            throw new StackException("System property " + key + " is empty; leave it out to use " + defaultValue);
        }
        return Path.of(value);
    }

    private static int port(Properties properties, String key, int defaultValue) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StackException("System property " + key + " must be a TCP port (1-65535), not '" + value + "'");
    }
}
