package vn.hssk.export;

import java.util.List;

/** What a {@link RecordSection} may put on the page: labelled values, a table, or a line of text. */
public interface SectionWriter {

    /** A label and its value; a blank value prints as a dash so an empty field is visibly empty. */
    void field(String label, String value);

    void table(List<String> headers, List<List<String>> rows);

    void note(String text);
}
