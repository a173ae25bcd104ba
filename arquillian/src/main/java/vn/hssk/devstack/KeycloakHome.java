package vn.hssk.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Keycloak installation the stack runs, a copy of the unpacked distribution: Keycloak writes into its home
 * (the re-augmented build under lib/, the H2 database under data/), and the distribution under target/ must stay
 * pristine. The copy is made once and redone when the distribution's version changes; data/ is always kept, so users
 * and other changes made in the admin console survive restarts. For the same reason the realm file is only imported
 * while the realm does not exist: to load a changed realm file, delete data/h2 in this home.
 */
final class KeycloakHome {

    /**
     * The realms: hssk (the platform's), and vneid, which plays the national identity provider in the dev stack only
     * (demo citizens whose personal IDs match demo records; realm hssk brokers it).
     */
    static final List<String> REALM_RESOURCES = List.of("keycloak/hssk-realm.json", "keycloak/vneid-realm.json");
    /**
     * The login themes, installed as themes/NAME of the home: hssk (Vietnamese texts, the platform's name) and vneid
     * (the same, titled as the identity provider it plays).
     */
    static final List<String> THEMES = List.of("hssk", "vneid");
    static final List<String> THEME_FILES = List.of("login/theme.properties",
            "login/messages/messages_vi.properties", "login/messages/messages_en.properties");

    private static final String MARKER = ".hssk-dist-version";
    private static final Path DATA = Path.of("data");

    private final Path dist;
    private final Path home;

    KeycloakHome(Path dist, Path home) {
        this.dist = dist;
        this.home = home;
    }

    Path path() {
        return home;
    }

    Path launchScript() {
        return home.resolve("bin/kc.sh");
    }

    /**
     * Makes the copy if needed, puts the realm file in data/import and the hssk theme in themes/ (every start, so a
     * changed text shows after a restart) and makes kc.sh executable.
     */
    void prepare() {
        try {
            String version = distVersion();
            Path marker = home.resolve(MARKER);
            if (!Files.isRegularFile(marker) || !Files.readString(marker).equals(version)) {
                copyDistribution();
                Files.writeString(marker, version);
            }
            installRealm();
            installTheme();
            if (!launchScript().toFile().canExecute() && !launchScript().toFile().setExecutable(true)) {
                throw new StackException("Cannot make " + launchScript() + " executable");
            }
        } catch (IOException e) {
            throw new StackException("Cannot prepare the Keycloak home " + home + " from " + dist + ": "
                    + e.getMessage(), e);
        }
    }

    /** The first line of the distribution's version.txt, e.g. "Keycloak - Version 26.4.7". */
    private String distVersion() throws IOException {
        Path versionFile = dist.resolve("version.txt");
        if (!Files.isRegularFile(versionFile)) {
            return "unknown version";
        }
        return Files.readAllLines(versionFile).stream().findFirst().orElse("").trim();
    }

    private void copyDistribution() throws IOException {
        Files.createDirectories(home);
        try (Stream<Path> entries = Files.list(home)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (!entry.getFileName().equals(DATA)) {
                    FileTrees.delete(entry);
                }
            }
        }
        // The distribution's own data/ (present if someone started it in place) is not ours to take.
        FileTrees.copy(dist, home, relative -> relative.equals(DATA));
    }

    private void installTheme() throws IOException {
        for (String theme : THEMES) {
            installTheme(theme);
        }
    }

    private void installTheme(String theme) throws IOException {
        Path themeDir = home.resolve("themes").resolve(theme);
        for (String file : THEME_FILES) {
            String resource = "keycloak/themes/" + theme + "/" + file;
            try (InputStream in = KeycloakHome.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new StackException("Theme file " + resource + " is not on the classpath"
                            + " (expected in arquillian/src/main/resources)");
                }
                Path target = themeDir.resolve(file);
                Files.createDirectories(target.getParent());
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private void installRealm() throws IOException {
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        for (String resource : REALM_RESOURCES) {
            try (InputStream realm = KeycloakHome.class.getClassLoader().getResourceAsStream(resource)) {
                if (realm == null) {
                    throw new StackException("Realm definition " + resource + " is not on the classpath"
                            + " (expected in arquillian/src/main/resources)");
                }
                Files.copy(realm, importDir.resolve(Path.of(resource).getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
