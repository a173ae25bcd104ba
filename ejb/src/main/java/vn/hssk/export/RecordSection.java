package vn.hssk.export;

/**
 * One section of the PDF record (part A, B, C or D of the 831 form). A section only says what it shows; the layout,
 * fonts and page handling belong to {@link RecordPdf}, so a new part is a new small class.
 */
public interface RecordSection {

    /** The heading, in Vietnamese, e.g. "A. Thông tin hành chính". */
    String title();

    void write(SectionWriter out);
}
