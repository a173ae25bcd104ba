package vn.hssk.imports;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.hssk.imports.PersonImportReport.Outcome;
import vn.hssk.imports.PersonImportReport.Row;

/**
 * The listed rows of an import report in the order the report gives them (by {@link Outcome}, then by line, as rows
 * come in line order). Rows that need a look are kept whole; an unchanged row is kept as four numbers (line, record,
 * person, personal ID), about 24 bytes, and made a {@link Row} again only when read, so that re-running a large file
 * costs little memory. Not thread-safe: one import fills it, then it is only read.
 */
public final class PersonImportRows extends AbstractList<Row> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<List<Row>> whole = new ArrayList<>();
    private int[] unchangedLines = new int[64];
    private int[] unchangedRecords = new int[64];
    private long[] unchangedPersons = new long[64];
    private long[] unchangedIds = new long[64];
    private int unchanged;

    public PersonImportRows() {
        for (int i = 0; i < Outcome.values().length; i++) {
            whole.add(new ArrayList<>());
        }
    }

    /** Lists a row: an unchanged one must carry its person and a 12-digit personal ID to be kept compactly. */
    public void list(Row row) {
        if (row.outcome() == Outcome.UNCHANGED && row.errors().isEmpty() && row.warnings().isEmpty()
                && row.personId() != null && row.personalId() != null && row.personalId().matches("\\d{12}")) {
            if (unchanged == unchangedLines.length) {
                int size = unchanged * 2;
                unchangedLines = Arrays.copyOf(unchangedLines, size);
                unchangedRecords = Arrays.copyOf(unchangedRecords, size);
                unchangedPersons = Arrays.copyOf(unchangedPersons, size);
                unchangedIds = Arrays.copyOf(unchangedIds, size);
            }
            unchangedLines[unchanged] = row.line();
            unchangedRecords[unchanged] = row.record();
            unchangedPersons[unchanged] = row.personId();
            unchangedIds[unchanged] = Long.parseLong(row.personalId());
            unchanged++;
            return;
        }
        whole.get(row.outcome().ordinal()).add(row);
    }

    @Override
    public Row get(int index) {
        int i = index;
        for (List<Row> rows : whole) {
            if (i < rows.size()) {
                return rows.get(i);
            }
            i -= rows.size();
        }
        if (i < 0 || i >= unchanged) {
            throw new IndexOutOfBoundsException(index);
        }
        return new Row(unchangedLines[i], unchangedRecords[i], String.format("%012d", unchangedIds[i]), null,
                Outcome.UNCHANGED, unchangedPersons[i], List.of(), List.of(), List.of(), List.of(), List.of());
    }

    @Override
    public int size() {
        int size = unchanged;
        for (List<Row> rows : whole) {
            size += rows.size();
        }
        return size;
    }
}
