package vn.hssk.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Checks the stack's TCP ports before anything starts, so that a port taken by a forgotten server gives one clear
 * message instead of a failure deep inside MariaDB, Keycloak or WildFly.
 */
public final class Ports {

    private static final int CONNECT_TIMEOUT_MILLIS = 300;

    private Ports() {
    }

    public static void requireFree(int port, String usedFor) {
        if (!isFree(port)) {
            throw new StackException("Port " + port + " (" + usedFor + ") is already in use. Stop whatever listens"
                    + " on it (`ss -ltnp 'sport = :" + port + "'` shows the process), e.g. an earlier run of the"
                    + " stack.");
        }
    }

    /** Free means: nothing accepts connections on localhost and the port can be bound on all interfaces. */
    public static boolean isFree(int port) {
        return !acceptsConnections(port) && canBind(port);
    }

    public static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
