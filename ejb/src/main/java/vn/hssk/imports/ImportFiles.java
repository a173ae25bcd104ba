package vn.hssk.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import vn.hssk.tenant.TenantDataSources;
import vn.hssk.tenant.TenantEntry;

/**
 * Keeps an uploaded list in the province's schema, in parts of {@value #PART} bytes, so that the job that reads it
 * can run, stop and resume on any node of a cluster and after a restart, and hands it back as a stream that fetches
 * one part at a time (memory stays at one part whatever the file's size). The upload is refused with 413 past the
 * configured limit ({@link ImportLimits}) while it streams, never after holding it.
 */
public final class ImportFiles {

    static final int PART = 1024 * 1024;

    private ImportFiles() {
    }

    /** The id and size of a stored file. */
    public record Stored(long id, long bytes) {
    }

    /** Stores {@code in} on {@code connection} (the province's schema, inside the caller's transaction). */
    public static Stored store(Connection connection, InputStream in, String actor) {
        InputStream limited = ImportLimits.limited(in);
        try {
            long id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO import_file (bytes, parts,"
                    + " created_at, created_by) VALUES (0, 0, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setTimestamp(1, Timestamp.from(Instant.now()));
                insert.setString(2, actor);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            long bytes = 0;
            int parts = 0;
            byte[] buffer = new byte[PART];
            try (PreparedStatement part = connection.prepareStatement(
                    "INSERT INTO import_file_part (file_id, part, data) VALUES (?, ?, ?)")) {
                int n;
                while ((n = limited.readNBytes(buffer, 0, PART)) > 0) {
                    part.setLong(1, id);
                    part.setInt(2, parts++);
                    part.setBytes(3, n == PART ? buffer : java.util.Arrays.copyOf(buffer, n));
                    part.executeUpdate();
                    bytes += n;
                }
            }
            try (PreparedStatement size = connection.prepareStatement(
                    "UPDATE import_file SET bytes = ?, parts = ? WHERE id = ?")) {
                size.setLong(1, bytes);
                size.setInt(2, parts);
                size.setLong(3, id);
                size.executeUpdate();
            }
            return new Stored(id, bytes);
        } catch (SQLException e) {
            throw new IllegalStateException("The upload could not be stored", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The stored file as a stream read part by part on connections of {@code tenant}'s schema; {@link
     * Counting#position()} says how many bytes have been handed out, for a job's progress.
     */
    public static Counting open(TenantEntry tenant, long fileId) {
        return new Counting(index -> {
            DataSource source = TenantDataSources.forServer(tenant.dbServer());
            try (Connection c = source.getConnection()) {
                c.setCatalog(tenant.schema());
                return part(c, fileId, index);
            }
        });
    }

    /** The stored file read on {@code connection} (the caller's transaction, which may not have committed it yet). */
    public static Counting read(Connection connection, long fileId) {
        return new Counting(index -> part(connection, fileId, index));
    }

    private static byte[] part(Connection c, long fileId, int index) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT data FROM import_file_part WHERE file_id = ? AND part = ?")) {
            select.setLong(1, fileId);
            select.setInt(2, index);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    /** Part {@code index} of a file, or {@code null} past its end. */
    private interface Parts {
        byte[] part(int index) throws SQLException;
    }

    /** A stored file read back in order, one part in memory at a time. */
    public static final class Counting extends InputStream {
        private final Parts parts;
        private byte[] part = new byte[0];
        private int at;
        private int next;
        private boolean ended;
        private long position;

        Counting(Parts parts) {
            this.parts = parts;
        }

        public long position() {
            return position;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            position++;
            return part[at++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, part.length - at);
            System.arraycopy(part, at, b, off, n);
            at += n;
            position += n;
            return n;
        }

        private boolean fill() throws IOException {
            while (at >= part.length) {
                if (ended) {
                    return false;
                }
                byte[] data = fetch(next++);
                if (data == null) {
                    ended = true;
                    return false;
                }
                part = data;
                at = 0;
            }
            return true;
        }

        private byte[] fetch(int index) throws IOException {
            try {
                return parts.part(index);
            } catch (SQLException e) {
                throw new IOException("Part " + index + " of an import file could not be read", e);
            }
        }
    }
}
