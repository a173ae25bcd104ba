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

    static final String REALM_RESOURCE = "keycloak/hssk-realm.json";
    /** The hssk login theme (Vietnamese texts, the platform's name), installed as themes/hssk of the home. */
    static final String THEME = "hssk";
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
        Path themeDir = home.resolve("themes").resolve(THEME);
        for (String file : THEME_FILES) {
            String resource = "keycloak/themes/" + THEME + "/" + file;
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
        try (InputStream realm = KeycloakHome.class.getClassLoader().getResourceAsStream(REALM_RESOURCE)) {
            if (realm == null) {
                throw new StackException("Realm definition " + REALM_RESOURCE + " is not on the classpath"
                        + " (expected in arquillian/src/main/resources)");
            }
            Files.copy(realm, importDir.resolve(Path.of(REALM_RESOURCE).getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
