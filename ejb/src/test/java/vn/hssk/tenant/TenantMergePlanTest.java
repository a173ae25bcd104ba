package vn.hssk.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantMergePlanTest {

    private static final long OFFSET = 5_000_000;

    private static TenantMergePlan plan() {
        Map<String, List<SchemaCopy.Column>> columns = new LinkedHashMap<>();
        columns.put("person", List.of(col("id"), col("personal_id", "char"), col("provisional_key", "varchar"),
                col("village_id"),
                col("household_id"), col("import_job_id"), new SchemaCopy.Column("age", "int", true)));
        columns.put("immunization", List.of(col("id"), col("person_id"), col("vaccine_id"), col("station_id")));
        columns.put("vaccine", List.of(col("id"), col("code", "varchar")));
        columns.put("visit_test", List.of(col("visit_id"), col("position", "int"), col("name", "varchar")));
        columns.put("care_programme", List.of(col("code", "varchar")));
        columns.put("audit_event", List.of(col("id"), col("entity_type", "varchar"), col("entity_id")));
        TenantMergePlan.Shape shape = new TenantMergePlan.Shape("hssk_t92", columns,
                Map.of("person", List.of("id"), "immunization", List.of("id"), "vaccine", List.of("id"),
                        "visit_test", List.of("visit_id", "position"), "care_programme", List.of("code"),
                        "audit_event", List.of("id")),
                Set.of("person", "immunization", "vaccine", "audit_event"),
                Map.of("person", Map.of("village_id", "admin_unit", "household_id", "household"),
                        "immunization", Map.of("person_id", "person", "vaccine_id", "vaccine",
                                "station_id", "health_station"),
                        "visit_test", Map.of("visit_id", "visit")));
        return new TenantMergePlan(shape, new TenantCode("94"), new TenantCode("92"), OFFSET, 1, 7);
    }

    private static SchemaCopy.Column col(String name) {
        return col(name, "bigint");
    }

    private static SchemaCopy.Column col(String name, String type) {
        return new SchemaCopy.Column(name, type, false);
    }

    @Test
    void keysAndReferencesMoveByTheOffsetAndTheProvinceUnitBecomesTheSurvivors() {
        TenantMergePlan plan = plan();
        assertEquals("s.`id` + 5000000", plan.expression("person", "id"));
        assertEquals("s.`household_id` + 5000000", plan.expression("person", "household_id"));
        assertEquals("IF(s.`village_id` = 1, 7, s.`village_id` + 5000000)", plan.expression("person", "village_id"));
        assertEquals("s.`import_job_id` + 5000000", plan.expression("person", "import_job_id"),
                "a reference the schema does not declare");
        assertEquals("s.`visit_id` + 5000000", plan.expression("visit_test", "visit_id"));
        assertEquals("s.`position`", plan.expression("visit_test", "position"));
    }

    @Test
    void catalogReferencesGoThroughTheMatchedKeys() {
        String vaccine = plan().expression("immunization", "vaccine_id");
        assertTrue(vaccine.contains("tenant_merge_key") && vaccine.contains("'vaccine'")
                && vaccine.contains("k.source_id = s.`vaccine_id`"), vaccine);
    }

    @Test
    void aPersonalIdTheSurvivorHoldsIsNotCopiedAndAuditEntriesFollowTheirEntity() {
        TenantMergePlan plan = plan();
        String pid = plan.expression("person", "personal_id");
        assertTrue(pid.startsWith("IF(EXISTS") && pid.contains("'person_pid'") && pid.endsWith("NULL, s.`personal_id`)"),
                pid);
        String key = plan.expression("person", "provisional_key");
        assertTrue(key.contains("CONCAT('TM', '94', '-', s.id)") && key.contains("'person_pid'")
                && key.contains("'person_pkey'"),
                "a record copied without its ID keeps a provisional key: " + key);
        assertEquals("IF(s.entity_type = 'CareProgramme', s.`entity_id`, s.`entity_id` + 5000000)",
                plan.expression("audit_event", "entity_id"));
    }

    @Test
    void aCopyGoesByRangesOfItsFirstKeyColumnAndLeavesGeneratedColumnsToTheServer() {
        TenantMergePlan plan = plan();
        String sql = plan.copy("person");
        assertTrue(sql.startsWith("INSERT INTO `hssk_t92`.`person` (`id`, `personal_id`, `provisional_key`,"
                + " `village_id`, `household_id`, `import_job_id`) SELECT "), sql);
        assertTrue(sql.contains(" FROM `hssk_t94`.`person` s WHERE TRUE AND s.`id` > ? AND s.`id` <= ?"), sql);
        assertEquals("visit_id", plan.chunkColumn("visit_test").orElseThrow());
        assertTrue(plan.chunkColumn("care_programme").isEmpty());
        assertTrue(plan.copy("care_programme").endsWith("WHERE TRUE"));
        assertTrue(plan.copy("vaccine").startsWith("INSERT INTO `hssk_t92`.`vaccine` SELECT s.`id` + 5000000,"),
                "no column list without generated columns (a MariaDB 11.4.5 bug with BEFORE triggers)");
    }

    @Test
    void theProvinceUnitOfTheAbsorbedProvinceIsNotCopied() {
        assertEquals("s.id <> 1", plan().eligible("admin_unit"));
    }

    @Test
    void everyTableMustBeNamedAndCatalogsComeFirst() {
        IllegalStateException unknown = assertThrows(IllegalStateException.class,
                () -> TenantMergePlan.treatments(Set.of("person", "new_table")));
        assertTrue(unknown.getMessage().contains("new_table"), unknown.getMessage());
        Map<String, TenantMergePlan.Treatment> treatments = TenantMergePlan.treatments(
                Set.of("person", "vaccine", "schedule_dose", "duplicate_candidate", "reorganization_journal"));
        assertEquals(List.of("vaccine", "schedule_dose", "person", "duplicate_candidate", "reorganization_journal"),
                List.copyOf(treatments.keySet()));
        assertEquals(TenantMergePlan.Treatment.SKIPPED, treatments.get("reorganization_journal"));
    }
}
