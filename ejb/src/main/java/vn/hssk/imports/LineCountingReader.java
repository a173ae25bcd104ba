package vn.hssk.imports;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;

/**
 * Tells on which physical line (as a text editor numbers them) a character of the text starts, for the row report:
 * a quoted CSV cell may span lines, so the record number alone does not find a row in the file. It remembers only the
 * line breaks read ahead of the last position asked for, so its memory does not grow with the file. CR LF, LF and a
 * lone CR each end one line. Positions are asked in increasing order, as a parser reads.
 */
final class LineCountingReader extends FilterReader {

    /** A line break at {@code position}, {@code length} 1 or 2 (CR LF) characters long. */
    private static final class Break {
        final long position;
        int length = 1;

        Break(long position) {
            this.position = position;
        }
    }

    private final ArrayDeque<Break> ahead = new ArrayDeque<>();
    private long position;
    private long linesBefore;
    private Break lastCr;

    LineCountingReader(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            seen((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            seen(buffer[offset + i]);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        char[] sink = new char[(int) Math.min(n, 8192)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void mark(int readAheadLimit) throws IOException {
        throw new IOException("mark not supported");
    }

    private void seen(char c) {
        if (c == '\n' && lastCr != null && lastCr.position == position - 1) {
            lastCr.length = 2;
        } else if (c == '\n' || c == '\r') {
            Break b = new Break(position);
            ahead.add(b);
            lastCr = c == '\r' ? b : null;
        }
        position++;
    }

    /**
     * The 1-based line of the first character of a record that starts at {@code characterPosition} (0-based, as the
     * parser counts), empty lines before it skipped as the parser skips them.
     */
    long lineOfRecordAt(long characterPosition) {
        long p = characterPosition;
        while (!ahead.isEmpty() && ahead.peek().position < p) {
            ahead.poll();
            linesBefore++;
        }
        while (!ahead.isEmpty() && ahead.peek().position == p) {
            Break b = ahead.poll();
            linesBefore++;
            p += b.length;
        }
        return linesBefore + 1;
    }
}
