package vn.hssk.reorganization;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.hssk.reorganization.UnitCounts.Measure;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * What a reorganization will do, unit by unit: every count before and after, what becomes of each thing (coded
 * sentences the screen and the API say in the reader's language), the totals over the units involved, and the
 * conflicts that must be settled before apply.
 */
public record ReorganizationPreview(long id, String title, LocalDate effectiveDate, Reorganization.Status status,
                                    List<UnitLine> units, Map<Measure, Long> totalBefore,
                                    Map<Measure, Long> totalAfter, List<FieldError> conflicts,
                                    List<FieldError> rules) implements java.io.Serializable {

    /** One commune involved: {@code fate} is ENDS, NEW, CHANGES or STAYS; {@code heir} the code that takes it over. */
    public record UnitLine(String code, String name, String fate, String heir, Map<Measure, Long> before,
                           Map<Measure, Long> after, List<FieldError> happens) implements java.io.Serializable {
    }
}
