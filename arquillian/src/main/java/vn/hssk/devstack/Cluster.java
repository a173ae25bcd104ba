package vn.hssk.devstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * How the stack lays out a cluster of {@code hssk.nodes} WildFly nodes on one machine: node {@code i} (from 1) is
 * named {@code node<i>} and moves all its ports by {@code 100 * (i + 1)} past the stack's, so that its HTTP port is
 * 8280, 8380, ... (8180 is Keycloak's) and its JGroups TCP port 7800, 7900, ...; the balancer keeps the stack's own
 * HTTP port (8080), the one address users and scripts know.
 */
public final class Cluster {

    public static final String NODES_PROPERTY = "hssk.nodes";
    private static final int JGROUPS_TCP_PORT = 7600;

    private Cluster() {
    }

    /** How many nodes the stack runs: {@code hssk.nodes}, 1 (no cluster, no balancer) when absent. */
    public static int size(Properties properties) {
        String value = properties.getProperty(NODES_PROPERTY, "").trim();
        if (value.isEmpty()) {
            return 1;
        }
        try {
            int nodes = Integer.parseInt(value);
            if (nodes >= 1 && nodes <= 9) {
                return nodes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StackException("hssk.nodes (-Dnodes) must be a number of WildFly nodes from 1 to 9, not '"
                + value + "'");
    }

    public static List<WildFlyServer> nodes(StackConfig config, int count) {
        String hosts = IntStream.rangeClosed(1, count)
                .mapToObj(i -> "127.0.0.1[" + (JGROUPS_TCP_PORT + config.wildFlyPortOffset() + shift(i)) + "]")
                .collect(Collectors.joining(","));
        List<WildFlyServer> nodes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            nodes.add(WildFlyServer.clusterNode(config, "node" + i, config.appPort() + shift(i), hosts));
        }
        return nodes;
    }

    private static int shift(int node) {
        return 100 * (node + 1);
    }
}
