package vn.hssk.record;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;

/**
 * Possible duplicates of the persons an import job writes, paired a chunk at a time. The insert trigger on
 * {@code person} pairs every other insert row by row; its two look-ups cost as much as the row's own insert, so an
 * import job names itself in {@code @hssk_pairing_job} while it inserts (V80: the trigger leaves that job's rows
 * alone) and then asks the same question once for the whole chunk, calling the same pairing procedure
 * ({@code duplicate_candidates_of}) for the few rows that have a match. The pairs are those the trigger would make.
 */
public final class DuplicatePairing {

    /** The inserting part of a chunk: answers the ids of the persons it wrote. */
    @FunctionalInterface
    public interface PersonInsert {
        List<Long> insert() throws SQLException;
    }

    /** The new rows of the job in a key range that have a namesake born the same day or share a BHYT number. */
    private static final String MATCHED = "SELECT n.id, n.full_name_folded, n.birth_date, n.village_id, n.bhyt_number"
            + " FROM person n WHERE n.import_job_id = ? AND n.id BETWEEN ? AND ? AND NOT n.voided"
            + " AND (EXISTS (SELECT 1 FROM person p WHERE p.full_name_folded = n.full_name_folded"
            + " AND p.birth_date = n.birth_date AND p.id <> n.id)"
            + " OR (n.bhyt_number IS NOT NULL AND EXISTS (SELECT 1 FROM person p WHERE p.bhyt_number = n.bhyt_number"
            + " AND p.id <> n.id)))";

    private DuplicatePairing() {
    }

    /**
     * Runs {@code insert} (persons of import job {@code jobId}, on {@code connection}) with the trigger's pairing
     * left to this method, then pairs the rows it wrote; all in the caller's transaction.
     */
    public static List<Long> insertForJob(Connection connection, long jobId, PersonInsert insert)
            throws SQLException {
        List<Long> ids;
        try (PreparedStatement defer = connection.prepareStatement("SET @hssk_pairing_job = ?")) {
            defer.setLong(1, jobId);
            defer.execute();
        }
        try {
            ids = insert.insert();
        } finally {
            try (Statement resume = connection.createStatement()) {
                resume.execute("SET @hssk_pairing_job = NULL");
            }
        }
        if (!ids.isEmpty()) {
            pair(connection, jobId, Collections.min(ids), Collections.max(ids));
        }
        return ids;
    }

    private static void pair(Connection connection, long jobId, long from, long to) throws SQLException {
        try (PreparedStatement matched = connection.prepareStatement(MATCHED);
             CallableStatement pair = connection.prepareCall("{call duplicate_candidates_of(?, ?, ?, ?, ?, FALSE)}")) {
            matched.setLong(1, jobId);
            matched.setLong(2, from);
            matched.setLong(3, to);
            try (ResultSet rs = matched.executeQuery()) {
                while (rs.next()) {
                    pair.setLong(1, rs.getLong(1));
                    pair.setString(2, rs.getString(2));
                    pair.setDate(3, rs.getDate(3));
                    pair.setLong(4, rs.getLong(4));
                    pair.setString(5, rs.getString(5));
                    pair.execute();
                }
            }
        }
    }
}
