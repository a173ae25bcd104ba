package vn.hssk.devstack;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.OptionalInt;

/** Asks an HTTP endpoint for its status, the readiness signal of Keycloak and WildFly. */
public final class HttpProbe {

    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;
    private static final int READ_TIMEOUT_MILLIS = 5_000;

    private HttpProbe() {
    }

    /** The response status, or empty if nothing answered (refused, reset, timed out). */
    public static OptionalInt status(URI uri) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            connection.setReadTimeout(READ_TIMEOUT_MILLIS);
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            return OptionalInt.of(connection.getResponseCode());
        } catch (IOException e) {
            return OptionalInt.empty();
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }
}
