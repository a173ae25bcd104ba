package vn.hssk.devstack;

import java.nio.file.Path;

/**
 * One server of the embedded stack. Callers start the parts in order and stop them in reverse; {@link #stop()} must be
 * safe to call on a part whose start failed half-way or that was never started.
 */
public interface StackPart {

    String name();

    /** Blocks until the part is ready for clients; throws {@link StackException} otherwise. */
    void start();

    void stop();

    /** The file holding this part's output, shown when it fails. */
    Path log();
}
