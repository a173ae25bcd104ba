package vn.hssk.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Log files of the child processes: each start begins a fresh log and keeps the previous one as {@code *.1}, and
 * failures show the last lines of the log instead of asking the developer to go looking for it.
 */
public final class LogFiles {

    private LogFiles() {
    }

    /** Moves an existing log to {@code <name>.1} and returns the (now absent) log path, its folder created. */
    public static Path fresh(Path log) {
        try {
            Files.createDirectories(log.getParent());
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            return log;
        } catch (IOException e) {
            throw new StackException("Cannot prepare log file " + log + ": " + e.getMessage(), e);
        }
    }

    /** The last {@code count} lines of the file; empty if it does not exist or cannot be read. */
    public static List<String> tail(Path file, int count) {
        if (file == null || !Files.isRegularFile(file)) {
            return List.of();
        }
        Deque<String> last = new ArrayDeque<>(count);
        // InputStreamReader replaces malformed bytes instead of failing, unlike Files.lines.
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (last.size() == count) {
                    last.removeFirst();
                }
                last.addLast(line);
            }
        } catch (IOException e) {
            return List.of("(cannot read " + file + ": " + e.getMessage() + ")");
        }
        return List.copyOf(last);
    }
}
