package vn.hssk.export;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What one {@link RecordSection} shows, as plain data in the order it wrote it: a screen draws it, a JSON answer
 * carries it. A blank value is kept blank (the screen shows the dash).
 */
public record SectionContent(String title, List<Item> items) implements Serializable {

    /** A labelled value ({@code label} set), a table ({@code headers} set) or a line of text (only {@code text}). */
    public record Item(String label, String text, List<String> headers, List<List<String>> rows)
            implements Serializable {

        public boolean isField() {
            return label != null;
        }

        public boolean isTable() {
            return headers != null;
        }
    }

    public static SectionContent of(RecordSection section) {
        List<Item> items = new ArrayList<>();
        section.write(new SectionWriter() {
            @Override
            public void field(String label, String value) {
                items.add(new Item(label, value == null || value.isBlank() ? null : value, null, null));
            }

            @Override
            public void table(List<String> headers, List<List<String>> rows) {
                items.add(new Item(null, null, List.copyOf(headers), rows.stream().map(List::copyOf).toList()));
            }

            @Override
            public void note(String text) {
                items.add(new Item(null, text, null, null));
            }
        });
        return new SectionContent(section.title(), List.copyOf(items));
    }
}
