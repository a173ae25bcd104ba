package vn.hssk.devstack;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A server started through its launch script (Keycloak's kc.sh, WildFly's standalone.sh) with its output in a log
 * file. The scripts start the actual JVM as a child of their own, so stopping signals the whole process tree.
 */
final class ChildProcess {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code command} in {@code workDir} with the environment of this JVM plus {@code extraEnvironment}, and
     * {@code JAVA_HOME} pointing at this JVM unless already set.
     */
    static ChildProcess start(String name, List<String> command, Map<String, String> extraEnvironment, Path workDir,
                              Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.to(LogFiles.fresh(log).toFile()));
        builder.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(extraEnvironment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return new ChildProcess(name, process, log);
        } catch (IOException e) {
            throw new StackException("Cannot start " + name + " (" + String.join(" ", command) + "): "
                    + e.getMessage(), log, e);
        }
    }

    long pid() {
        return process.pid();
    }

    /**
     * Polls {@code ready} until it answers true. Fails when the process exits first, when {@code timeout} passes,
     * or when {@code ready} itself throws a {@link StackException} (e.g. a failed deployment).
     */
    void awaitReady(String condition, Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (ready.getAsBoolean()) {
                return;
            }
            if (!process.isAlive()) {
                throw new StackException(name + " exited with status " + process.exitValue()
                        + " before it was ready (" + condition + ")", log);
            }
            if (System.nanoTime() > deadline) {
                throw new StackException(name + " was not ready after " + timeout.toSeconds() + " s (waited until "
                        + condition + ")", log);
            }
            try {
                process.waitFor(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("Interrupted while waiting for " + name, log, e);
            }
        }
    }

    /**
     * Kills the process and everything it started at once (SIGKILL), as a crash of the machine would: nothing gets
     * to shut down cleanly. Waits until they are gone.
     */
    void kill() {
        List<ProcessHandle> tree = new ArrayList<>();
        process.descendants().forEach(tree::add);
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        awaitExit(tree, KILL_WAIT);
    }

    /**
     * Asks the script and everything it started to terminate (SIGTERM), waits up to {@code grace} for them, then
     * kills what is left. Returns true if everything ended within the grace period.
     */
    boolean stop(Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        boolean graceful = awaitExit(tree, grace);
        if (!graceful) {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree, KILL_WAIT);
        }
        return graceful;
    }

    private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle handle : processes) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                if (handle.isAlive()) {
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
