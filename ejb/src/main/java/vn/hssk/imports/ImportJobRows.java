package vn.hssk.imports;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.hssk.household.Sex;
import vn.hssk.imports.PersonImportReport.Other;
import vn.hssk.imports.PersonImportReport.Outcome;
import vn.hssk.imports.PersonImportReport.Row;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * The rows of a job's report as the database keeps them ({@code import_job_row}): written with their chunk, so the
 * report is complete up to the last committed row at any moment, and read back in the report's order (what needs a
 * decision first, then by record). A chunk judged again after a crash replaces its rows instead of adding them.
 */
final class ImportJobRows {

    /** Factories made once: {@code Json.create...} looks the JSON provider up anew on every call. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(null);
    private static final JsonReaderFactory READERS = Json.createReaderFactory(null);

    private ImportJobRows() {
    }

    /** Whether the report lists {@code row} (new rows without a warning are only counted). */
    static boolean listed(Row row) {
        return row.outcome() != Outcome.NEW || !row.warnings().isEmpty();
    }

    static void save(Connection connection, long jobId, List<Row> rows) throws SQLException {
        List<Row> listed = rows.stream().filter(ImportJobRows::listed).toList();
        for (int from = 0; from < listed.size(); from += 500) {
            List<Row> slice = listed.subList(from, Math.min(listed.size(), from + 500));
            StringBuilder sql = new StringBuilder("INSERT INTO import_job_row (job_id, record, line, outcome, rank,"
                    + " personal_id, full_name, entity_id, detail) VALUES ");
            for (int i = 0; i < slice.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
            }
            sql.append(" ON DUPLICATE KEY UPDATE line = VALUES(line), outcome = VALUES(outcome), rank = VALUES(rank),"
                    + " personal_id = VALUES(personal_id), full_name = VALUES(full_name),"
                    + " entity_id = VALUES(entity_id), detail = VALUES(detail)");
            try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
                int p = 1;
                for (Row r : slice) {
                    insert.setLong(p++, jobId);
                    insert.setInt(p++, r.record());
                    insert.setInt(p++, r.line());
                    insert.setString(p++, r.outcome().name());
                    insert.setInt(p++, r.outcome().ordinal());
                    insert.setString(p++, cut(r.personalId(), 40));
                    insert.setString(p++, cut(r.fullName(), 300));
                    insert.setObject(p++, r.personId());
                    insert.setString(p++, detail(r));
                }
                insert.executeUpdate();
            }
        }
    }

    /** How many rows job {@code jobId}'s report lists, and how many of them are new (new rows with a warning). */
    static int[] listedCounts(Connection connection, long jobId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*), COALESCE(SUM(outcome = 'NEW'),"
                + " 0) FROM import_job_row WHERE job_id = ?")) {
            select.setLong(1, jobId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return new int[] {rs.getInt(1), rs.getInt(2)};
            }
        }
    }

    /** The listed rows of job {@code jobId}, in the report's order, {@code first}/{@code max} for a page. */
    static List<Row> read(Connection connection, long jobId, int first, int max) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT record, line, outcome, personal_id,"
                + " full_name, entity_id, detail FROM import_job_row WHERE job_id = ? ORDER BY rank, record"
                + " LIMIT ? OFFSET ?")) {
            select.setLong(1, jobId);
            select.setInt(2, max);
            select.setInt(3, first);
            select.setFetchSize(1000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long entity = rs.getLong(6);
                    Long entityId = rs.wasNull() ? null : entity;
                    rows.add(row(rs.getInt(1), rs.getInt(2), Outcome.valueOf(rs.getString(3)), rs.getString(4),
                            rs.getString(5), entityId, rs.getString(7)));
                }
            }
        }
        return rows;
    }

    private static String detail(Row r) {
        JsonObjectBuilder o = JSON.createObjectBuilder();
        if (!r.changedFields().isEmpty()) {
            o.add("changed", JSON.createArrayBuilder(r.changedFields()));
        }
        if (!r.similarPersons().isEmpty()) {
            o.add("similar", JSON.createArrayBuilder(r.similarPersons()));
        }
        if (!r.others().isEmpty()) {
            JsonArrayBuilder others = JSON.createArrayBuilder();
            for (Other other : r.others()) {
                JsonObjectBuilder b = JSON.createObjectBuilder();
                put(b, "personId", other.personId());
                put(b, "line", other.line());
                put(b, "personalId", other.personalId());
                put(b, "fullName", other.fullName());
                put(b, "sex", other.sex() == null ? null : other.sex().name());
                put(b, "birthDate", other.birthDate() == null ? null : other.birthDate().toString());
                others.add(b);
            }
            o.add("others", others);
        }
        if (!r.errors().isEmpty()) {
            o.add("errors", errors(r.errors()));
        }
        if (!r.warnings().isEmpty()) {
            o.add("warnings", errors(r.warnings()));
        }
        return o.build().toString();
    }

    private static JsonArrayBuilder errors(List<FieldError> errors) {
        JsonArrayBuilder a = JSON.createArrayBuilder();
        for (FieldError e : errors) {
            JsonObjectBuilder b = JSON.createObjectBuilder();
            put(b, "field", e.field());
            put(b, "code", e.code());
            put(b, "message", e.message());
            b.add("args", JSON.createArrayBuilder(e.args() == null ? List.of() : e.args()));
            a.add(b);
        }
        return a;
    }

    private static Row row(int record, int line, Outcome outcome, String pid, String name, Long entity,
                           String detail) {
        JsonObject o;
        try (JsonReader reader = READERS.createReader(new StringReader(detail == null ? "{}" : detail))) {
            o = reader.readObject();
        }
        List<String> changed = strings(o.getJsonArray("changed"));
        List<Long> similar = o.containsKey("similar") ? o.getJsonArray("similar").getValuesAs(
                jakarta.json.JsonNumber.class).stream().map(jakarta.json.JsonNumber::longValue).toList() : List.of();
        List<Other> others = new ArrayList<>();
        if (o.containsKey("others")) {
            for (JsonObject b : o.getJsonArray("others").getValuesAs(JsonObject.class)) {
                others.add(new Other(b.containsKey("personId") ? b.getJsonNumber("personId").longValue() : null,
                        b.containsKey("line") ? b.getInt("line") : null, b.getString("personalId", null),
                        b.getString("fullName", null), b.containsKey("sex") ? Sex.valueOf(b.getString("sex")) : null,
                        b.containsKey("birthDate") ? LocalDate.parse(b.getString("birthDate")) : null));
            }
        }
        return new Row(line, record, pid, name, outcome, entity, changed, similar, List.copyOf(others),
                errors(o.getJsonArray("errors")), errors(o.getJsonArray("warnings")));
    }

    private static List<FieldError> errors(JsonArray a) {
        if (a == null) {
            return List.of();
        }
        List<FieldError> errors = new ArrayList<>();
        for (JsonObject b : a.getValuesAs(JsonObject.class)) {
            errors.add(new FieldError(b.getString("field", null), b.getString("message", null),
                    b.getString("code", null), strings(b.getJsonArray("args"))));
        }
        return List.copyOf(errors);
    }

    private static List<String> strings(JsonArray a) {
        return a == null ? List.of() : a.getValuesAs(JsonValue.class).stream()
                .map(v -> v instanceof jakarta.json.JsonString s ? s.getString() : v.toString()).toList();
    }

    private static void put(JsonObjectBuilder b, String key, Object value) {
        if (value instanceof Number n) {
            b.add(key, n.longValue());
        } else if (value != null) {
            b.add(key, value.toString());
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
