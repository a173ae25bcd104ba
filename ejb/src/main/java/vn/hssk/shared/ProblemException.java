package vn.hssk.shared;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A refusal a service explains to its caller: the HTTP status it maps to, the field at fault (if one is) and a
 * message safe to show. Being an application exception it reaches the caller unwrapped and rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * One field at fault and why: the English message, and for the common checks a message code with its arguments
     * that the web layer renders in the user's language (bundle {@code vn.hssk.i18n.problems}).
     */
    public record FieldError(String field, String message, String code, List<String> args)
            implements java.io.Serializable {

        public FieldError(String field, String message) {
            this(field, message, null, List.of());
        }

        public static FieldError coded(String field, String code, String message, Object... args) {
            return new FieldError(field, message, code,
                    java.util.Arrays.stream(args).map(String::valueOf).toList());
        }
    }

    private final int status;
    private final String field;
    private final List<FieldError> errors;
    private transient Object details;

    public ProblemException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
        this.errors = field == null ? List.of() : List.of(new FieldError(field, message));
    }

    /** A refusal with the given status on one field, with a message code for the user's language. */
    public ProblemException(int status, FieldError error) {
        this(status, List.of(error));
    }

    private ProblemException(List<FieldError> errors) {
        this(400, errors);
    }

    private ProblemException(int status, List<FieldError> errors) {
        super(errors.get(0).message());
        this.status = status;
        this.field = errors.get(0).field();
        this.errors = List.copyOf(errors);
    }

    /** Several fields at fault at once; the first names the problem. */
    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(errors);
    }

    /** One field at fault, with a message code for the user's language. */
    public static ProblemException invalid(FieldError error) {
        return new ProblemException(400, List.of(error));
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, field, message);
    }

    public static ProblemException forbidden(String message) {
        return new ProblemException(403, null, message);
    }

    public static ProblemException notFound(String message) {
        return new ProblemException(404, null, message);
    }

    public static ProblemException conflict(String field, String message) {
        return new ProblemException(409, field, message);
    }

    /** A conflict with the stored state, with a message code for the user's language. */
    public static ProblemException conflict(FieldError error) {
        return new ProblemException(409, List.of(error));
    }

    public static ProblemException unavailable(String message) {
        return new ProblemException(503, null, message);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Attaches a report that explains the refusal (e.g. an import's lines); it is sent as the problem's "report". */
    public ProblemException withDetails(Object report) {
        this.details = report;
        return this;
    }

    public Object details() {
        return details;
    }
}
