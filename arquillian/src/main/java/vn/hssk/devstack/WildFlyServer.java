package vn.hssk.devstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The provisioned WildFly running the application, as a child process. It runs with its own server base directory
 * under the work folder, so the server built under target/ stays pristine and its configuration is fresh on every
 * start, while deployments, data and logs stay in the work folder. Ready when the EAR is deployed and HTTP answers.
 */
public final class WildFlyServer implements StackPart {

    public static final String DEPLOYMENT = "hssk.ear";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Path serverDir;
    private final Path earFile;
    private final Path baseDir;
    private final int appPort;
    private final int portOffset;
    private final int dbPort;
    private final int secondDbPort;
    private final int keycloakPort;
    private final Path log;
    private final String nodeName;
    private final Map<String, String> properties;
    private volatile ChildProcess process;

    public WildFlyServer(StackConfig config) {
        this(config, null);
    }

    /**
     * A server that goes by {@code nodeName} ({@code jboss.node.name}) among the nodes sharing its database, as a
     * second node of a cluster does; {@code null} keeps WildFly's default (the host name).
     */
    public WildFlyServer(StackConfig config, String nodeName) {
        this(config, nodeName, config.appPort(), config.workDir().resolve("wildfly"),
                config.logDir().resolve("wildfly-console.log"), config.earFile(), Map.of());
    }

    private WildFlyServer(StackConfig config, String nodeName, int appPort, Path baseDir, Path log, Path earFile,
                          Map<String, String> properties) {
        this.nodeName = nodeName;
        this.serverDir = config.serverDir();
        this.earFile = earFile;
        this.baseDir = baseDir;
        this.appPort = appPort;
        this.portOffset = appPort - StackConfig.DEFAULT_APP_PORT;
        this.dbPort = config.dbPort();
        this.secondDbPort = config.secondDbPort();
        this.keycloakPort = config.keycloakPort();
        this.log = log;
        this.properties = properties;
    }

    /**
     * A node of a cluster of the application: its own base directory and node name, HTTP on {@code appPort} (all
     * its ports shifted alike, JGroups' 7600 too), and the JGroups TCP ports of every member ({@code clusterHosts},
     * as TCPPING's {@code host[port],...}).
     */
    public static WildFlyServer clusterNode(StackConfig config, String nodeName, int appPort, String clusterHosts) {
        return new WildFlyServer(config, nodeName, appPort, config.workDir().resolve("wildfly-" + nodeName),
                config.logDir().resolve("wildfly-" + nodeName + "-console.log"), config.earFile(),
                Map.of("hssk.cluster.hosts", clusterHosts));
    }

    /**
     * The same provisioned server without the application, as the cluster's balancer: its HTTP port is the
     * stack's ({@link StackConfig#appPort()}); ready when its management interface answers.
     */
    static WildFlyServer withoutApplication(StackConfig config, String nodeName) {
        return new WildFlyServer(config, nodeName, config.appPort(), config.workDir().resolve("wildfly-" + nodeName),
                config.logDir().resolve("wildfly-" + nodeName + "-console.log"), null, Map.of());
    }

    @Override
    public String name() {
        return nodeName == null ? "WildFly" : "WildFly " + nodeName;
    }

    public String nodeName() {
        return nodeName;
    }

    public int appPort() {
        return appPort;
    }

    /** The management interface's port (9990 shifted like every other port). */
    public int managementPort() {
        return 9990 + portOffset;
    }

    Path serverDir() {
        return serverDir;
    }

    @Override
    public Path log() {
        return log;
    }

    public URI url() {
        return URI.create("http://localhost:" + appPort + "/");
    }

    /** WildFly's own log, with deployment details that the console log may lack. */
    public Path serverLog() {
        return baseDir.resolve("log/server.log");
    }

    @Override
    public synchronized void start() {
        if (process != null) {
            return;
        }
        prepareBaseDir();
        Path script = serverDir.resolve("bin/standalone.sh");
        if (!script.toFile().canExecute() && !script.toFile().setExecutable(true)) {
            throw new StackException("Cannot make " + script + " executable");
        }
        List<String> command = new ArrayList<>(List.of(script.toString(),
                "-Djboss.server.base.dir=" + baseDir, "-Dhssk.demo=" + System.getProperty("hssk.demo", "true"),
                // The embedded stack serves plain HTTP on localhost: a Secure session cookie would never come back.
                "-Dhssk.cookie.secure=false"));
        if (portOffset != 0) {
            command.add("-Djboss.socket.binding.port-offset=" + portOffset);
        }
        if (nodeName != null) {
            command.add("-Djboss.node.name=" + nodeName);
        }
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        // In the background mode of standalone.sh, the script relays SIGTERM to the server JVM.
        // The server finds this stack's databases and Keycloak on their ports, default or not, as production finds its
        // own (configure.cli): the second database server is a datasource the environment enables.
        Map<String, String> env = new HashMap<>(Map.of("LAUNCH_JBOSS_IN_BACKGROUND", "true",
                "HSSK_DB_URL", "jdbc:mariadb://localhost:" + dbPort + "/",
                "HSSK_KEYCLOAK_URL", "http://localhost:" + keycloakPort));
        if (secondDbPort != 0) {
            env.put("HSSK_DB_SECOND_ENABLED", "true");
            env.put("HSSK_DB_SECOND_URL", "jdbc:mariadb://localhost:" + secondDbPort + "/");
        }
        ChildProcess started = ChildProcess.start(name(), command, env, baseDir, log);
        process = started;
        if (earFile == null) {
            started.awaitReady("its management interface answers on port " + managementPort(), START_TIMEOUT,
                    () -> HttpProbe.status(URI.create("http://localhost:" + managementPort() + "/health")).isPresent());
            return;
        }
        started.awaitReady(deployments().resolve(DEPLOYMENT + ".deployed") + " exists and " + url() + " answers",
                START_TIMEOUT, this::deployedAndListening);
    }

    /** Kills the server at once (SIGKILL to the script and the JVM), as a crash would; {@link #start()} may follow. */
    public void kill() {
        ChildProcess running = process;
        process = null;
        if (running != null) {
            running.kill();
        }
    }

    /** Not synchronized with {@link #start()}: Ctrl-C during a slow start must not wait for it to finish. */
    @Override
    public void stop() {
        ChildProcess running = process;
        process = null;
        if (running != null && !running.stop(STOP_GRACE)) {
            System.err.println("WildFly did not stop within " + STOP_GRACE.toSeconds() + " s and was killed");
        }
    }

    private Path deployments() {
        return baseDir.resolve("deployments");
    }

    private boolean deployedAndListening() {
        Path failed = deployments().resolve(DEPLOYMENT + ".failed");
        if (Files.exists(failed)) {
            throw new StackException("WildFly could not deploy " + DEPLOYMENT + ": " + readQuietly(failed)
                    + System.lineSeparator() + "  (details in " + serverLog() + ")", serverLog());
        }
        return Files.exists(deployments().resolve(DEPLOYMENT + ".deployed")) && HttpProbe.status(url()).isPresent();
    }

    /**
     * Copies the provisioned configuration over the base dir's (WildFly rewrites standalone.xml while running, and a
     * rebuilt server may bring a new one) and replaces the deployed EAR, removing its old scanner markers so that
     * readiness is judged on this deployment only.
     */
    private void prepareBaseDir() {
        try {
            Files.createDirectories(deployments());
            FileTrees.copy(serverDir.resolve("standalone/configuration"), baseDir.resolve("configuration"),
                    relative -> relative.startsWith("standalone_xml_history"));
            // A server that Arquillian deploys to while tests run records that deployment in its standalone.xml; this
            // server deploys the EAR from its own deployments folder only.
            Path xml = baseDir.resolve("configuration/standalone.xml");
            String config = Files.readString(xml);
            String withoutDeployments = config.replaceAll("(?s)\\s*<deployments>.*?</deployments>", "");
            if (!withoutDeployments.equals(config)) {
                Files.writeString(xml, withoutDeployments);
            }
            try (DirectoryStream<Path> old = Files.newDirectoryStream(deployments(), DEPLOYMENT + "*")) {
                for (Path file : old) {
                    FileTrees.delete(file);
                }
            }
            if (earFile == null) {
                return;
            }
            Path target = deployments().resolve(DEPLOYMENT);
            if (Files.isDirectory(earFile)) {
                FileTrees.copy(earFile, target, relative -> false);
                Files.createFile(deployments().resolve(DEPLOYMENT + ".dodeploy"));
            } else {
                Files.copy(earFile, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StackException("Cannot prepare the WildFly base directory " + baseDir + ": " + e.getMessage(), e);
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
