package vn.hssk.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Settings;

/**
 * The largest resident list an import takes, {@code hssk.import.max-bytes} (environment {@code HSSK_IMPORT_MAX_BYTES},
 * default 200 MB, about two million rows): a larger upload is refused with 413 naming the limit, before it fills the
 * disk or holds a transaction for hours; everything below it is streamed.
 */
public final class ImportLimits {

    public static final long DEFAULT_MAX_BYTES = 200L * 1024 * 1024;

    private ImportLimits() {
    }

    public static long maxBytes() {
        String value = Settings.get("hssk.import.max-bytes", "HSSK_IMPORT_MAX_BYTES",
                String.valueOf(DEFAULT_MAX_BYTES));
        try {
            long bytes = Long.parseLong(value);
            return bytes > 0 ? bytes : DEFAULT_MAX_BYTES;
        } catch (NumberFormatException e) {
            return DEFAULT_MAX_BYTES;
        }
    }

    /** The limit in whole megabytes (MiB), as the refusal says it. */
    public static long maxMegabytes() {
        return Math.max(1, maxBytes() / (1024 * 1024));
    }

    public static ProblemException tooLarge() {
        return new ProblemException(413, FieldError.coded("file", "import.tooLarge",
                "The file is larger than the import limit of " + maxMegabytes() + " MB; split it into smaller files",
                maxMegabytes()));
    }

    /** {@code in}, refusing with {@link #tooLarge()} once more than the limit has been read from it. */
    public static InputStream limited(InputStream in) {
        long max = maxBytes();
        return new FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0 && ++read > max) {
                    throw tooLarge();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0 && (read += n) > max) {
                    throw tooLarge();
                }
                return n;
            }
        };
    }
}
