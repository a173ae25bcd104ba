package vn.hssk.devstack;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The balancer in front of a cluster of the application: a further instance of the same provisioned WildFly, without
 * the application, whose Undertow serves the stack's HTTP port through its reverse-proxy handler to the nodes, sticky
 * by the route that each node appends to the session id ({@code JSESSIONID=<id>.<jboss.node.name>}). A node that stops
 * answering is taken out for a few seconds and its users go on at another node, which finds their session in the
 * cluster's Infinispan. Configured after its start with the server's own CLI (docs/production.md, "Cluster").
 */
public final class ClusterBalancer implements StackPart {

    private static final Duration CLI_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final WildFlyServer server;
    private final List<WildFlyServer> nodes;
    private final Path script;
    private final Path cliLog;

    public ClusterBalancer(StackConfig config, List<WildFlyServer> nodes) {
        this.server = WildFlyServer.withoutApplication(config, "balancer");
        this.nodes = List.copyOf(nodes);
        this.script = config.workDir().resolve("balancer.cli");
        this.cliLog = config.logDir().resolve("balancer-cli.log");
    }

    @Override
    public String name() {
        return "balancer";
    }

    @Override
    public Path log() {
        return server.log();
    }

    public URI url() {
        return server.url();
    }

    @Override
    public void start() {
        server.start();
        configure();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (HttpProbe.status(url()).orElse(503) >= 500) {
            if (System.nanoTime() > deadline) {
                throw new StackException("The balancer does not reach the nodes at " + url() + " after "
                        + READY_TIMEOUT.toSeconds() + " s", server.serverLog());
            }
            sleep(Duration.ofMillis(500));
        }
    }

    @Override
    public void stop() {
        server.stop();
    }

    /** The CLI script that sends the HTTP port to the nodes: one host per node, its route its node name. */
    String script() {
        StringBuilder cli = new StringBuilder("batch\n");
        for (WildFlyServer node : nodes) {
            cli.append("/socket-binding-group=standard-sockets/remote-destination-outbound-socket-binding=hssk-")
                    .append(node.nodeName()).append(":add(host=localhost, port=").append(node.appPort()).append(")\n");
        }
        // problem-server-retry: a node that failed is tried again after 5 s. A request that could not be sent goes to
        // another node (max-retries); one that a node received is sent again only if idempotent, so never a POST.
        cli.append("/subsystem=undertow/configuration=handler/reverse-proxy=hssk-nodes:add(session-cookie-names=")
                .append("JSESSIONID, problem-server-retry=5, max-retries=1, connection-idle-timeout=60)\n");
        for (WildFlyServer node : nodes) {
            cli.append("/subsystem=undertow/configuration=handler/reverse-proxy=hssk-nodes/host=")
                    .append(node.nodeName()).append(":add(outbound-socket-binding=hssk-").append(node.nodeName())
                    .append(", scheme=http, instance-id=").append(node.nodeName()).append(", path=/)\n");
        }
        cli.append("/subsystem=undertow/server=default-server/host=default-host/location=\\/:add(handler=hssk-nodes)\n");
        cli.append("run-batch\nreload\n");
        return cli.toString();
    }

    private void configure() {
        try {
            Files.writeString(script, script());
            Path cli = server.serverDir().resolve("bin/jboss-cli.sh");
            if (!cli.toFile().canExecute() && !cli.toFile().setExecutable(true)) {
                throw new StackException("Cannot make " + cli + " executable");
            }
            ProcessBuilder builder = new ProcessBuilder(cli.toString(), "--connect",
                    "--controller=localhost:" + server.managementPort(), "--file=" + script)
                    .redirectErrorStream(true).redirectOutput(Redirect.to(LogFiles.fresh(cliLog).toFile()));
            builder.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(CLI_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new StackException("The balancer's configuration did not end within " + CLI_TIMEOUT.toSeconds()
                        + " s", cliLog);
            }
            if (process.exitValue() != 0) {
                throw new StackException("The balancer's configuration failed (" + script + ")", cliLog);
            }
        } catch (IOException e) {
            throw new StackException("Cannot configure the balancer: " + e.getMessage(), cliLog, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while configuring the balancer", cliLog, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while waiting for the balancer", e);
        }
    }
}
