package vn.hssk.record;

import java.io.Serializable;

/**
 * One field of part A side by side in a merge preview: both records' values, whether they differ, and the value the
 * merge keeps unless staff choose otherwise (the survivor's, or the duplicate's where the survivor has none).
 */
public record MergeField(String field, String survivorValue, String mergedValue, boolean differs,
                         boolean takeMergedByDefault) implements Serializable {
}
