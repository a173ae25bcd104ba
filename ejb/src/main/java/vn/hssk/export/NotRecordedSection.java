package vn.hssk.export;

/** A part whose data this installation does not keep yet: the heading stays, so the paper record has all four parts. */
record NotRecordedSection(String title) implements RecordSection {

    @Override
    public void write(SectionWriter out) {
        out.note("Phần này chưa được ghi nhận trong hệ thống.");
    }
}
