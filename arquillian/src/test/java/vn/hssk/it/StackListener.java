package vn.hssk.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import vn.hssk.devstack.EmbeddedDatabase;
import vn.hssk.devstack.EmbeddedKeycloak;
import vn.hssk.devstack.FileTrees;
import vn.hssk.devstack.LogFiles;
import vn.hssk.devstack.Ports;
import vn.hssk.devstack.StackConfig;
import vn.hssk.devstack.StackException;
import vn.hssk.devstack.StackPart;

/**
 * Starts the databases (the second server too, unless {@code hssk.db.second=false}) and Keycloak before the
 * integration tests and stops them afterwards, in a fresh work folder per
 * run. WildFly is not started here: Arquillian starts and stops it around the deployments. Active only when the
 * failsafe configuration passes {@code hssk.keycloak.dist}, so that plain unit test runs stay fast. The parts are
 * shared by the whole JVM: a second session (or a second registration of this listener) reuses them, and they stop
 * when the last session closes.
 */
public class StackListener implements LauncherSessionListener {

    private static final Object LOCK = new Object();
    private static final List<StackPart> RUNNING = new CopyOnWriteArrayList<>();
    private static int openSessions;
    private static boolean shutdownHookAdded;
    private static long startNanos;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty("hssk.keycloak.dist") == null) {
            return;
        }
        synchronized (LOCK) {
            openSessions++;
            if (openSessions == 1 && RUNNING.isEmpty()) {
                start();
            }
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (System.getProperty("hssk.keycloak.dist") == null) {
            return;
        }
        synchronized (LOCK) {
            openSessions = Math.max(0, openSessions - 1);
            if (openSessions == 0) {
                stopAll();
            }
        }
    }

    private static void start() {
        startNanos = System.nanoTime();
        StackConfig config = StackConfig.fromSystemProperties().requireKeycloakDist();
        Ports.requireFree(config.dbPort(), "MariaDB, hssk.db.port; is the dev stack running?");
        Ports.requireFree(config.keycloakPort(), "Keycloak, hssk.keycloak.port; is the dev stack running?");
        if (config.hasSecondDb()) {
            Ports.requireFree(config.secondDbPort(), "second MariaDB, hssk.db.second.port; is the dev stack running?");
        }
        wipe(config);
        if (!shutdownHookAdded) {
            Runtime.getRuntime().addShutdownHook(new Thread(StackListener::stopOnExit, "hssk-it-stack-shutdown"));
            shutdownHookAdded = true;
        }
        List<StackPart> parts = new ArrayList<>(List.of(new EmbeddedDatabase(config)));
        EmbeddedDatabase.second(config).ifPresent(parts::add);
        parts.add(new EmbeddedKeycloak(config));
        for (StackPart part : parts) {
            RUNNING.add(part);
            long partStart = System.nanoTime();
            try {
                part.start();
            } catch (StackException e) {
                report(part.name() + " failed: " + e.describe());
                e.log().or(() -> Optional.of(part.log()))
                        .ifPresent(log -> LogFiles.tail(log, 40).forEach(line -> System.err.println("  | " + line)));
                stopAll();
                throw e;
            }
            report(part.name() + " ready in " + seconds(partStart) + " s");
        }
    }

    /** Only inside a build folder: pointing hssk.work.dir at the dev stack's data by mistake must not erase it. */
    private static void wipe(StackConfig config) {
        boolean inBuildFolder = false;
        for (Path element : config.workDir()) {
            inBuildFolder |= element.toString().equals("target");
        }
        if (!inBuildFolder) {
            throw new StackException("Refusing to empty hssk.work.dir " + config.workDir()
                    + " for the integration tests: it is not inside a Maven target/ folder");
        }
        try {
            FileTrees.delete(config.workDir());
        } catch (IOException e) {
            throw new StackException("Cannot empty the integration test work folder " + config.workDir() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Without the lock, which a start may hold for minutes; stopping a part twice is harmless. */
    private static void stopOnExit() {
        stopAll();
    }

    private static void stopAll() {
        List<StackPart> parts = new ArrayList<>(RUNNING);
        RUNNING.clear();
        if (parts.isEmpty()) {
            return;
        }
        Collections.reverse(parts);
        long stopStart = System.nanoTime();
        for (StackPart part : parts) {
            try {
                part.stop();
            } catch (StackException e) {
                report(part.name() + " did not stop cleanly: " + e.describe());
            }
        }
        report("databases and Keycloak stopped in " + seconds(stopStart) + " s (up " + seconds(startNanos) + " s)");
    }

    private static String seconds(long since) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - since) / 1e9);
    }

    private static void report(String message) {
        System.out.println("[hssk-it] " + message);
    }
}
