package vn.hssk.record.rest;

import java.util.List;
import java.util.Map;
import vn.hssk.record.MergeField;
import vn.hssk.record.MergePreview;
import vn.hssk.record.PersonParts;

/**
 * Both records side by side, field by field, with the rows each holds per part and the rows both hold where a part
 * allows one per person (a merge is refused until one of each such pair is voided).
 */
public record MergePreviewView(PersonView survivor, PersonView merged, List<MergeField> fields,
                               Map<String, Long> survivorParts, Map<String, Long> mergedParts,
                               List<PersonParts.Conflict> conflicts) {

    static MergePreviewView of(MergePreview p) {
        return new MergePreviewView(PersonView.of(p.survivor()), PersonView.of(p.merged()), p.fields(),
                p.survivorParts(), p.mergedParts(), p.conflicts());
    }
}
