package vn.hssk.shared;

/**
 * Reads a setting of the deployment: a system property (set in the server configuration or by a test), else an
 * environment variable, else the embedded default. Production changes configuration, never code.
 */
public final class Settings {

    private Settings() {
    }

    public static String get(String property, String environment, String defaultValue) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }
}
