package vn.hssk.export;

import vn.hssk.record.Person;

/**
 * Supplies the PDF section of one part (B, C or D) of a person's record. A feature that keeps a part implements this
 * as a CDI bean in its own package; the export finds it and shows a "not recorded yet" section while none exists.
 * {@link #section} runs inside the export's transaction, after the scope check and the audit of the export.
 */
public interface RecordPartSource {

    /** "B", "C" or "D". */
    String part();

    RecordSection section(Person person);
}
