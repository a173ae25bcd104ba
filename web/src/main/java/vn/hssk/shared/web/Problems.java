package vn.hssk.shared.web;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import java.util.Optional;
import java.util.OptionalInt;
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

    /**
     * The HTTP status a plain servlet answers for a failed service call: the status the service explained, or 403 for
     * a call its role may not make; empty for anything else (a defect, to be thrown on).
     */
    public static OptionalInt statusOf(RuntimeException error) {
        Optional<ProblemException> problem = in(error);
        if (problem.isPresent()) {
            return OptionalInt.of(problem.get().status());
        }
        return causedBy(error, EJBAccessException.class) ? OptionalInt.of(403) : OptionalInt.empty();
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
