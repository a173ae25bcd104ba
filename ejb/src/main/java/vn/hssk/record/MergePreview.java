package vn.hssk.record;

import java.util.List;
import java.util.Map;

/**
 * What a merge would do: part A of both records field by field, the rows of every part each record holds, and the
 * rows that both hold where a part allows one per person (these block the merge until one of them is voided).
 */
public record MergePreview(PersonResult survivor, PersonResult merged, List<MergeField> fields,
                           Map<String, Long> survivorParts, Map<String, Long> mergedParts,
                           List<PersonParts.Conflict> conflicts) {
}
