package vn.hssk.shared.web;

import jakarta.ejb.EJBException;
import java.util.Optional;
import vn.hssk.shared.ProblemException;

/** Finds the refusal a service explained, whether it arrived as is or wrapped by the EJB container. */
public final class Problems {

    private static final int MAX_DEPTH = 10;

    private Problems() {
    }

    public static Optional<ProblemException> in(Throwable error) {
        Throwable e = error;
        for (int depth = 0; e != null && depth < MAX_DEPTH; depth++, e = cause(e)) {
            if (e instanceof ProblemException problem) {
                return Optional.of(problem);
            }
        }
        return Optional.empty();
    }

    /** Whether the error, or one of its causes, is of the given type. */
    public static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        Throwable e = error;
        for (int depth = 0; e != null && depth < MAX_DEPTH; depth++, e = cause(e)) {
            if (type.isInstance(e)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable cause(Throwable e) {
        return e instanceof EJBException ejb && ejb.getCausedByException() != null
                ? ejb.getCausedByException() : e.getCause();
    }
}
