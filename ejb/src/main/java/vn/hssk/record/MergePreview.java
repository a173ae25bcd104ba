package vn.hssk.record;

import java.util.List;
import java.util.Map;

/** What a merge would do: part A of both records field by field, and the rows of every part each record holds. */
public record MergePreview(PersonResult survivor, PersonResult merged, List<MergeField> fields,
                           Map<String, Long> survivorParts, Map<String, Long> mergedParts) {
}
