package vn.hssk.devstack;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A part of the embedded stack could not be prepared, started or stopped. Carries the log file that explains the
 * failure, so that callers can show its tail next to the message instead of a stack trace.
 */
public class StackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path log;

    public StackException(String message) {
        this(message, null, null);
    }

    public StackException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public StackException(String message, Path log) {
        this(message, log, null);
    }

    public StackException(String message, Path log, Throwable cause) {
        super(message, cause);
        this.log = log;
    }

    public Optional<Path> log() {
        return Optional.ofNullable(log);
    }

    /** The message followed by the messages of its causes, which often hold the real reason (a port, a file). */
    public String describe() {
        StringBuilder text = new StringBuilder(getMessage());
        for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(System.lineSeparator()).append("  caused by ").append(cause.getClass().getSimpleName())
                        .append(": ").append(cause.getMessage());
            }
        }
        return text.toString();
    }
}
