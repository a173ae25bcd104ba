package vn.hssk.tenant;

import static vn.hssk.tenant.SchemaCopy.q;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a merge of one province tenant into another does to each table of the schema, as SQL run on the server both
 * schemas live on. Every key of the absorbed province's rows becomes {@code key + offset} in the survivor (the offset
 * lies above every key the survivor had, and the survivor's counters are moved past the range the merge fills), and so
 * does every column that refers to such a row: the foreign keys the schema declares and the references it does not
 * ({@link #EXTRA_REFERENCES}, the audit trails' entity ids). Three kinds of key do not follow the offset:
 * <ul>
 * <li>catalog rows (vaccines, lots, schedule doses, indicators, hospitals, history items...) are matched by their code
 * to the survivor's; the missing ones are added; the pairs are kept in {@code tenant_merge_key};</li>
 * <li>the absorbed province's own unit becomes the survivor's (its communes hang under the survivor's province);</li>
 * <li>a personal ID the survivor already holds is not copied with its person (the unique ID stays with the holder):
 * the pair goes to the province's review of personal IDs and to its list of possible duplicates, never merged.</li>
 * </ul>
 * A household code the survivor already uses gets the absorbed province's code as suffix. Tables the survivor's
 * triggers fill from the copied persons (created-record counts, possible duplicates) are not copied; settings of the
 * province and undo journals stay behind. A table the plan does not name stops the merge: whoever adds a table
 * decides here how a merge treats it.
 */
final class TenantMergePlan {

    enum Treatment { CATALOG, COPY, DERIVED, SKIPPED }

    /** The survivor's keys of catalog rows matched by code, its province unit, and the people of both. */
    static final String KEY_TABLE = "tenant_merge_key";
    static final String MARK_TABLE = "tenant_merge_mark";
    static final String PERSON_PID = "person_pid";
    static final String HOUSEHOLD_CODE = "household_code";
    static final String PROVISIONAL_KEY = "person_pkey";

    /** Catalogs in the order they are matched (a catalog's references to others are matched first), by their code. */
    static final Map<String, List<String>> CATALOG_KEYS = new LinkedHashMap<>();
    static {
        CATALOG_KEYS.put("icd10_code", List.of("code"));
        CATALOG_KEYS.put("care_programme", List.of("code"));
        CATALOG_KEYS.put("part_a_choice", List.of("kind", "code"));
        CATALOG_KEYS.put("vaccine_name_source", List.of("code"));
        CATALOG_KEYS.put("epi_schedule_source", List.of("antigen", "vaccine", "dose_number"));
        CATALOG_KEYS.put("vaccine", List.of("code"));
        CATALOG_KEYS.put("schedule_dose", List.of("vaccine_id", "dose_number", "sex", "target_group", "valid_from"));
        CATALOG_KEYS.put("vaccine_lot", List.of("vaccine_id", "lot_number"));
        CATALOG_KEYS.put("indicator", List.of("code"));
        CATALOG_KEYS.put("history_item", List.of("category", "code"));
        CATALOG_KEYS.put("hospital", List.of("facility_code"));
    }

    static final List<String> COPIED = List.of("admin_unit", "admin_unit_period", "admin_unit_predecessor", "aefi",
            "audit_event", "care_enrolment", "care_follow_up", "citizen_change_request", "citizen_feedback", "claim",
            "claim_envelope", "claim_envelope_line", "claim_line", "consultation", "duplicate_decision", "fhir_export",
            "fhir_export_part", "health_station", "history_entry", "household", "household_member", "household_move",
            "immunization", "import_file", "import_file_part", "import_job", "import_job_row", "person",
            "personal_id_review", "person_merge", "person_merge_row", "plan", "plan_audit", "plan_legal_basis",
            "plan_phase", "plan_task", "reorganization", "session_booking", "station_staff", "station_stock",
            "stock_movement", "target", "vaccination_certificate", "vaccination_session", "village_quota", "visit",
            "visit_diagnosis", "visit_test");

    /** Filled by the survivor's triggers on {@code person} as the absorbed province's people are inserted. */
    static final List<String> DERIVED = List.of("created_record_day", "duplicate_candidate");

    /**
     * The survivor keeps its own: Flyway's history, its certificate signing key, its schedule's load mark, its import
     * lock, the merge's own tables, and the undo journals of reorganizations (written with the absorbed province's
     * keys; its reorganizations are copied as history and can no longer be undone).
     */
    static final List<String> SKIPPED = List.of(SchemaCopy.HISTORY_TABLE, "certificate_key", "immunization_setup",
            "import_lock", MARK_TABLE, KEY_TABLE, "reorganization_journal");

    /** References the schema does not declare as foreign keys: table, column, referenced table. */
    static final Map<String, Map<String, String>> EXTRA_REFERENCES = Map.of(
            "import_file_part", Map.of("file_id", "import_file"),
            "import_job", Map.of("file_id", "import_file", "preview_of", "import_job"),
            "import_job_row", Map.of("job_id", "import_job", "entity_id", "person"),
            "person", Map.of("import_job_id", "import_job"),
            "schedule_dose", Map.of("source_id", "epi_schedule_source"),
            "claim_envelope_line", Map.of("claim_id", "claim"),
            "person_merge_row", Map.of("row_id", "person"));

    /** The shape of the (identically migrated) schemas: columns, key columns, integer keys, foreign keys. */
    record Shape(String schema, Map<String, List<SchemaCopy.Column>> columns, Map<String, List<String>> keys,
                 Set<String> autoIncrement, Map<String, Map<String, String>> foreignKeys) {
    }

    private final Shape shape;
    private final String source;
    private final String target;
    private final String sourceCode;
    private final long offset;
    private final long sourceRoot;
    private final long targetRoot;

    TenantMergePlan(Shape shape, TenantCode absorbed, TenantCode into, long offset, long sourceRoot,
                    long targetRoot) {
        this.shape = shape;
        this.source = q(absorbed.schema());
        this.target = q(into.schema());
        this.sourceCode = absorbed.value();
        this.offset = offset;
        this.sourceRoot = sourceRoot;
        this.targetRoot = targetRoot;
    }

    /** Every table of the schema with its treatment, in the order the merge goes: catalogs, copies, the rest. */
    static Map<String, Treatment> treatments(Set<String> tables) {
        List<String> unknown = tables.stream().filter(t -> !CATALOG_KEYS.containsKey(t) && !COPIED.contains(t)
                && !DERIVED.contains(t) && !SKIPPED.contains(t)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("A merge does not know what to do with table(s) " + unknown
                    + ": name them in TenantMergePlan");
        }
        Map<String, Treatment> treatments = new LinkedHashMap<>();
        CATALOG_KEYS.keySet().stream().filter(tables::contains).forEach(t -> treatments.put(t, Treatment.CATALOG));
        COPIED.stream().filter(tables::contains).forEach(t -> treatments.put(t, Treatment.COPY));
        DERIVED.stream().filter(tables::contains).forEach(t -> treatments.put(t, Treatment.DERIVED));
        SKIPPED.stream().filter(tables::contains).forEach(t -> treatments.put(t, Treatment.SKIPPED));
        return treatments;
    }

    /** The integer column a copy of the table goes along in ranges (its first key column), if it has one. */
    Optional<String> chunkColumn(String table) {
        List<String> keys = shape.keys().getOrDefault(table, List.of());
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        String first = keys.get(0);
        return column(table, first).filter(c -> c.type().endsWith("int")).map(SchemaCopy.Column::name);
    }

    /**
     * The copy of one range of a table's chunk column ({@code ? < column <= ?}), or of the whole table when it has no
     * integer key: INSERT ... SELECT from the absorbed schema with every key moved.
     */
    String copy(String table) {
        List<SchemaCopy.Column> written = written(table);
        String values = written.stream().map(c -> expression(table, c.name())).collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder(insertInto(table)).append(" SELECT ").append(values).append(" FROM ")
                .append(source).append('.').append(q(table)).append(" s WHERE ").append(eligible(table));
        chunkColumn(table).ifPresent(c -> sql.append(" AND s.").append(q(c)).append(" > ? AND s.").append(q(c))
                .append(" <= ?"));
        return sql.toString();
    }

    /** Which of the absorbed province's rows a copy takes: all but its province unit (the survivor's takes its place). */
    String eligible(String table) {
        return "admin_unit".equals(table) ? "s.id <> " + sourceRoot : "TRUE";
    }

    /** The absorbed province's rows a copy takes. */
    String sourceCount(String table) {
        return "SELECT COUNT(*) FROM " + source + "." + q(table) + " s WHERE " + eligible(table);
    }

    /** The survivor's rows whose chunk column lies in the range the merge filled ({@code ? <= column <= ?}). */
    String targetCount(String table, String column) {
        return "SELECT COUNT(*) FROM " + target + "." + q(table) + " WHERE " + q(column) + " BETWEEN ? AND ?";
    }

    String range(String table, String column) {
        return "SELECT MIN(" + q(column) + "), MAX(" + q(column) + ") FROM " + source + "." + q(table);
    }

    /** The statements that add the catalog's missing rows and then record the match of every row, in order. */
    List<String> catalog(String table) {
        List<SchemaCopy.Column> written = written(table);
        String values = written.stream().map(c -> expression(table, c.name())).collect(Collectors.joining(", "));
        List<String> sql = new ArrayList<>();
        sql.add(insertInto(table) + " SELECT " + values + " FROM " + source
                + "." + q(table) + " s WHERE NOT EXISTS (SELECT 1 FROM " + target + "." + q(table) + " x WHERE "
                + match(table) + ")");
        if (shape.autoIncrement().contains(table)) {
            sql.add("INSERT IGNORE INTO " + target + "." + KEY_TABLE + " (source_tenant, table_name, source_id,"
                    + " target_id) SELECT '" + sourceCode + "', '" + table + "', s.id, MIN(x.id) FROM " + source + "."
                    + q(table) + " s JOIN " + target + "." + q(table) + " x ON " + match(table) + " GROUP BY s.id");
        }
        return sql;
    }

    /** A lot both provinces received: the survivor's quantities of it grow by the absorbed province's. */
    String lotStock() {
        return "UPDATE " + target + ".vaccine_lot x JOIN " + source + ".vaccine_lot s ON " + match("vaccine_lot")
                + " SET x.quantity = x.quantity + s.quantity, x.unallocated = x.unallocated + s.unallocated";
    }

    /** The absorbed catalog's rows found in the survivor by their code (after the missing ones were added). */
    String catalogFound(String table) {
        return "SELECT COUNT(*) FROM " + source + "." + q(table) + " s WHERE EXISTS (SELECT 1 FROM " + target + "."
                + q(table) + " x WHERE " + match(table) + ")";
    }

    /** The absorbed catalog's rows not in the survivor (a dry run's count of what would be added). */
    String catalogMissing(String table) {
        return "SELECT COUNT(*) FROM " + source + "." + q(table) + " s WHERE NOT EXISTS (SELECT 1 FROM " + target + "."
                + q(table) + " x WHERE " + match(table) + ")";
    }

    /** Whether the catalog's rows have a key of their own (matched through the key table) or are keyed by code. */
    boolean keyed(String table) {
        return shape.autoIncrement().contains(table);
    }

    /** The absorbed catalog's rows matched, as the key table holds them. */
    String catalogMatched(String table) {
        return "SELECT COUNT(*) FROM " + target + "." + KEY_TABLE + " k JOIN " + target + "." + q(table)
                + " x ON x.id = k.target_id WHERE k.source_tenant = '" + sourceCode + "' AND k.table_name = '" + table
                + "'";
    }

    private String match(String table) {
        return CATALOG_KEYS.get(table).stream().map(k -> "x." + q(k) + " <=> " + expression(table, k))
                .collect(Collectors.joining(" AND "));
    }

    /** The survivor's province unit takes the place of the absorbed one's (recorded with the catalogs' matches). */
    String rootKey() {
        return "INSERT IGNORE INTO " + target + "." + KEY_TABLE + " (source_tenant, table_name, source_id, target_id)"
                + " VALUES ('" + sourceCode + "', 'admin_unit', " + sourceRoot + ", " + targetRoot + ")";
    }

    /**
     * The absorbed people whose personal ID a person of the survivor holds (not one of the copies): they are copied
     * without it. Run before the copy of {@code person}, and again by a later run (the copies never match).
     */
    String personalIdsInBoth() {
        return "INSERT IGNORE INTO " + target + "." + KEY_TABLE + " (source_tenant, table_name, source_id, target_id)"
                + " SELECT '" + sourceCode + "', '" + PERSON_PID + "', s.id, x.id FROM " + source + ".person s JOIN "
                + target + ".person x ON x.personal_id = s.personal_id AND x.id <> s.id + " + offset
                + " WHERE s.personal_id IS NOT NULL";
    }

    /** The absorbed households whose code the survivor uses: they get the absorbed province's code as suffix. */
    String householdCodesInBoth() {
        return "INSERT IGNORE INTO " + target + "." + KEY_TABLE + " (source_tenant, table_name, source_id, target_id)"
                + " SELECT '" + sourceCode + "', '" + HOUSEHOLD_CODE + "', s.id, x.id FROM " + source
                + ".household s JOIN " + target + ".household x ON x.code = s.code AND x.id <> s.id + " + offset;
    }

    /** The absorbed people whose provisional key (an internal key) the survivor uses: they get another. */
    String provisionalKeysInBoth() {
        return "INSERT IGNORE INTO " + target + "." + KEY_TABLE + " (source_tenant, table_name, source_id, target_id)"
                + " SELECT '" + sourceCode + "', '" + PROVISIONAL_KEY + "', s.id, x.id FROM " + source + ".person s JOIN "
                + target + ".person x ON x.provisional_key = s.provisional_key AND x.id <> s.id + " + offset;
    }

    /** Whether the key table holds the current absorbed row ({@code s.id}) under {@code kind}. */
    private String heldInKeys(String kind) {
        return "EXISTS (SELECT 1 FROM " + target + "." + KEY_TABLE + " k WHERE k.source_tenant = '" + sourceCode
                + "' AND k.table_name = '" + kind + "' AND k.source_id = s.id)";
    }

    /** The absorbed province's created records whose personal ID the survivor's holder keeps. */
    String createdRecordsWithheld() {
        return "SELECT COUNT(*) FROM " + source + ".person s WHERE s.record_created AND " + heldInKeys(PERSON_PID);
    }

    String countKeys(String kind) {
        return "SELECT COUNT(*) FROM " + target + "." + KEY_TABLE + " WHERE source_tenant = '" + sourceCode
                + "' AND table_name = '" + kind + "'";
    }

    /**
     * One open review case per personal ID both provinces held: the survivor's holder, the absorbed province's person
     * (copied without the ID), what that record said; source MERGE. A later run adds none twice.
     */
    String reviewCases(String actor) {
        String village = "IF(s.village_id = " + sourceRoot + ", " + targetRoot + ", s.village_id + " + offset + ")";
        return "INSERT INTO " + target + ".personal_id_review (kind, personal_id, holder_id, person_id, village_id,"
                + " full_name, birth_date, sex, source, attempts, first_at, last_at, last_by, status, open_key, version,"
                + " created_at, created_by) SELECT 'HELD_ELSEWHERE', s.personal_id, k.target_id, s.id + " + offset
                + ", " + village + ", s.full_name, s.birth_date, s.sex, 'MERGE', 1, NOW(3), NOW(3), " + literal(actor)
                + ", 'OPEN', CONCAT('HELD_ELSEWHERE:', s.personal_id, ':', " + village + "), 0, NOW(3), "
                + literal(actor) + " FROM " + source + ".person s JOIN " + target + "." + KEY_TABLE
                + " k ON k.source_tenant = '" + sourceCode + "' AND k.table_name = '" + PERSON_PID
                + "' AND k.source_id = s.id WHERE NOT EXISTS (SELECT 1 FROM " + target + ".personal_id_review r"
                + " WHERE r.person_id = s.id + " + offset + " AND r.source = 'MERGE')";
    }

    /**
     * One audit line per person moved, in the survivor's trail of that person: the province and the key it had
     * before (action UPDATE, context "tenant merge N"), so that a record's history says where it came from. Run once,
     * in the review step's transaction with its mark.
     */
    String movedAudit(String actor, String into, long merge) {
        return "INSERT INTO " + target + ".audit_event SELECT NULL, NOW(3), " + literal(actor) + ", 'national-admin', '"
                + into + "', 'UPDATE', 'Person', s.id + " + offset + ", CONCAT('{\"province\":{\"before\":\"', '"
                + sourceCode + "', '\",\"after\":\"', '" + into + "', '\"},\"id\":{\"before\":\"', s.id,"
                + " '\",\"after\":\"', s.id + " + offset + ", '\"}}'), 'tenant merge " + merge + "', NULL FROM "
                + source + ".person s";
    }

    /** The same pairs in the list of possible duplicates (reason PERSONAL_ID), with the commune of each record. */
    String duplicatePairs() {
        return "INSERT IGNORE INTO " + target + ".duplicate_candidate (person_low, person_high, reason, commune_low,"
                + " commune_high) SELECT LEAST(h.id, p.id), GREATEST(h.id, p.id), 'PERSONAL_ID',"
                + " IF(h.id < p.id, hv.parent_id, pv.parent_id), IF(h.id < p.id, pv.parent_id, hv.parent_id) FROM "
                + target + "." + KEY_TABLE + " k JOIN " + target + ".person h ON h.id = k.target_id JOIN " + target
                + ".person p ON p.id = k.source_id + " + offset + " JOIN " + target + ".admin_unit hv ON hv.id ="
                + " h.village_id JOIN " + target + ".admin_unit pv ON pv.id = p.village_id WHERE k.source_tenant = '"
                + sourceCode + "' AND k.table_name = '" + PERSON_PID + "' AND NOT h.voided AND NOT p.voided";
    }

    /** The value a column of a copied (or added catalog) row takes in the survivor. */
    String expression(String table, String column) {
        String s = "s." + q(column);
        if ("id".equals(column) && shape.autoIncrement().contains(table)) {
            return s + " + " + offset;
        }
        switch (table + "." + column) {
            case "person.personal_id":
                return "IF(" + heldInKeys(PERSON_PID) + ", NULL, " + s + ")";
            case "person.provisional_key":
                // A record copied without its personal ID needs a provisional key (ck_person_key), and a provisional
                // key the survivor uses is taken: either gets one naming where the record came from.
                return "IF((" + s + " IS NULL AND " + heldInKeys(PERSON_PID) + ") OR " + heldInKeys(PROVISIONAL_KEY)
                        + ", CONCAT('TM', '" + sourceCode + "', '-', s.id), " + s + ")";
            case "household.code":
                return "IF(" + heldInKeys(HOUSEHOLD_CODE) + ", CONCAT(LEFT(" + s + ", 17), '-', '" + sourceCode
                        + "'), " + s + ")";
            case "personal_id_review.open_key":
                return "IF(" + s + " IS NULL, NULL, CONCAT(s.kind, ':', s.personal_id, ':', "
                        + reference("s.village_id", "admin_unit") + "))";
            case "audit_event.entity_id":
                // Person, its parts, exports, review cases, reorganizations: copied rows; a care programme: its
                // position, the same in both.
                return "IF(s.entity_type = 'CareProgramme', " + s + ", " + s + " + " + offset + ")";
            case "plan_audit.entity_id":
                return "IF(s.entity_type = 'INDICATOR', " + reference(s, "indicator") + ", " + s + " + " + offset
                        + ")";
            default:
                break;
        }
        String referenced = shape.foreignKeys().getOrDefault(table, Map.of()).get(column);
        if (referenced == null) {
            referenced = EXTRA_REFERENCES.getOrDefault(table, Map.of()).get(column);
        }
        return referenced == null ? s : reference(s, referenced);
    }

    private String reference(String value, String referenced) {
        if ("admin_unit".equals(referenced)) {
            return "IF(" + value + " = " + sourceRoot + ", " + targetRoot + ", " + value + " + " + offset + ")";
        }
        if (CATALOG_KEYS.containsKey(referenced)) {
            if (!shape.autoIncrement().contains(referenced)) {
                return value; // matched by its code, which is the key
            }
            return "(SELECT k.target_id FROM " + target + "." + KEY_TABLE + " k WHERE k.source_tenant = '"
                    + sourceCode + "' AND k.table_name = '" + referenced + "' AND k.source_id = " + value + ")";
        }
        if (COPIED.contains(referenced)) {
            return value + " + " + offset;
        }
        return value;
    }

    /**
     * {@code INSERT INTO} the survivor's table, naming its columns only when it has generated ones (which the server
     * computes). MariaDB 11.4.5 refuses an {@code INSERT ... SELECT} of more than one row with a column list into a
     * table with a BEFORE UPDATE trigger (the audit trails): "Column 'username' cannot be null" for a value that is
     * there. Without the list, the values go in the table's column order, which {@link #written} keeps.
     */
    private String insertInto(String table) {
        List<SchemaCopy.Column> columns = shape.columns().get(table);
        String head = "INSERT INTO " + target + "." + q(table);
        if (columns.stream().noneMatch(SchemaCopy.Column::generated)) {
            return head;
        }
        return head + " (" + written(table).stream().map(c -> q(c.name())).collect(Collectors.joining(", ")) + ")";
    }

    private List<SchemaCopy.Column> written(String table) {
        List<SchemaCopy.Column> columns = shape.columns().get(table);
        if (columns == null) {
            throw new IllegalStateException("No table " + table + " in the schema");
        }
        return columns.stream().filter(c -> !c.generated()).toList();
    }

    private Optional<SchemaCopy.Column> column(String table, String name) {
        return shape.columns().getOrDefault(table, List.of()).stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
