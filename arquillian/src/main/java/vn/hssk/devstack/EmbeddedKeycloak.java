package vn.hssk.devstack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Keycloak in development mode (H2 database, plain HTTP) as a child process, with the hssk realm imported on the
 * first start. It is ready when the realm's OpenID configuration answers, which is what the application needs.
 */
public final class EmbeddedKeycloak implements StackPart {

    public static final String REALM = "hssk";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final KeycloakHome home;
    private final int port;
    private final Path log;
    private volatile ChildProcess process;

    public EmbeddedKeycloak(StackConfig config) {
        this.home = new KeycloakHome(config.keycloakDist(), config.workDir().resolve("keycloak"));
        this.port = config.keycloakPort();
        this.log = config.logDir().resolve("keycloak.log");
    }

    @Override
    public String name() {
        return "Keycloak";
    }

    @Override
    public Path log() {
        return log;
    }

    public URI url() {
        return URI.create("http://localhost:" + port + "/");
    }

    public URI openIdConfiguration() {
        return url().resolve("realms/" + REALM + "/.well-known/openid-configuration");
    }

    @Override
    public synchronized void start() {
        if (process != null) {
            return;
        }
        home.prepare();
        ChildProcess started = ChildProcess.start(name(),
                List.of(home.launchScript().toString(), "start-dev", "--http-port", String.valueOf(port),
                        "--import-realm"),
                Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD,
                        "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m",
                        // Brute-force protection stays on (failures lock an account), but Keycloak 26 also locks a
                        // user out for logging in twice at the same moment with the right password, which scripts
                        // and the tests do; docs/production.md says to set the same on a production Keycloak.
                        "KC_SPI_BRUTE_FORCE_PROTECTOR_DEFAULT_BRUTE_FORCE_DETECTOR_ALLOW_CONCURRENT_REQUESTS", "true"),
                home.path(), log);
        process = started;
        started.awaitReady(openIdConfiguration() + " answers 200", START_TIMEOUT,
                () -> HttpProbe.status(openIdConfiguration()).orElse(-1) == 200);
    }

    /** Not synchronized with {@link #start()}: Ctrl-C during a slow start must not wait for it to finish. */
    @Override
    public void stop() {
        ChildProcess running = process;
        process = null;
        if (running != null && !running.stop(STOP_GRACE)) {
            System.err.println("Keycloak did not stop within " + STOP_GRACE.toSeconds() + " s and was killed");
        }
    }
}
