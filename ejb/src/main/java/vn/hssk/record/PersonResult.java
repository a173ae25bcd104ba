package vn.hssk.record;

import java.util.List;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * A person as a use case answers it, with the warnings staff should review (an unknown birth-registration province
 * in the personal ID) but that did not stop the change.
 */
public record PersonResult(Person person, List<FieldError> warnings) {
}
