package vn.hssk.reorganization;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hibernate.Session;
import org.jboss.ejb3.annotation.TransactionTimeout;
import vn.hssk.audit.AuditAction;
import vn.hssk.audit.AuditTrail;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;
import vn.hssk.shared.TextFolding;
import vn.hssk.tenant.KeycloakAdmin;
import vn.hssk.tenant.TenantContext;
import vn.hssk.unit.UnitLevel;

/**
 * The batch job's transactions: the database part of an apply (every change journaled, all or nothing), the staff
 * scopes in Keycloak, and the undo. Each is safe to run again: a state already passed is skipped, and Keycloak is
 * set to the journaled lists, not edited step by step. The province is bound by the caller (the job).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ReorganizationWork {

    static final String ENTITY = "Reorganization";

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private UnitCounts counts;

    @Inject
    private AuditTrail audit;

    @Inject
    private KeycloakAdmin keycloak;

    /** Plans a reorganization against the map as it is now (also the preview's reading). */
    ReorganizationMap map(Reorganization r) {
        return map(counts, r.getEffectiveDate(), r.steps());
    }

    static ReorganizationMap map(UnitCounts counts, LocalDate effective, List<ReorganizationStep> steps) {
        List<ReorganizationMap.Unit> units = counts.openUnits();
        Set<Long> splitting = new LinkedHashSet<>();
        for (ReorganizationStep s : steps) {
            if (s.kind() == ReorganizationStep.Kind.SPLIT_COMMUNE) {
                units.stream().filter(u -> u.level() == UnitLevel.COMMUNE && s.sources().contains(u.code()))
                        .forEach(u -> splitting.add(u.id()));
            }
        }
        return ReorganizationMap.of(effective, steps, units, counts.openStations(),
                counts.personsByVillage(splitting));
    }

    @TransactionTimeout(value = 30, unit = TimeUnit.MINUTES)
    public void applyDatabase(long id) {
        Reorganization r = em.find(Reorganization.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || r.getStatus() != Reorganization.Status.APPLYING) {
            return;
        }
        ReorganizationMap map = map(r);
        if (!map.conflicts().isEmpty()) {
            throw ProblemException.conflict(map.conflicts().get(0));
        }
        List<UnitCounts.TargetRow> targets = counts.targets(map.shares().keySet(), r.getEffectiveDate());
        List<UnitCounts.QuotaRow> quotas = counts.quotas(mergingVillages(map), r.getEffectiveDate());
        List<FieldError> targetConflicts = new ArrayList<>(TargetMerge.conflicts(map, targets));
        targetConflicts.addAll(QuotaMerge.conflicts(map, quotas));
        targetConflicts.addAll(counts.householdConflicts(map));
        if (!targetConflicts.isEmpty()) {
            throw ProblemException.conflict(targetConflicts.get(0));
        }
        Map<Long, Long> persons = new HashMap<>();
        counts.byVillage(map.shares().keySet(), r.getEffectiveDate())
                .forEach((v, m) -> persons.put(v, m.get(UnitCounts.Measure.PERSONS)));
        Map<Long, Long> personsByCommune = personsByCommune(map, persons);
        String actor = r.getAppliedBy();
        List<AuditTrail.Change> moved = new ArrayList<>();
        em.unwrap(Session.class).doWork(c -> apply(c, r, map, targets, quotas, personsByCommune, actor, moved));
        audit.changedInBulk(identity(actor), AuditAction.UPDATE, vn.hssk.audit.AuditService.PERSON, moved,
                "reorganization " + id);
        Map<String, String> heirCodes = new LinkedHashMap<>();
        map.heirs().forEach((old, heir) -> heirCodes.put(map.codeOf(old), map.codeOf(heir)));
        r.databaseApplied(heirCodes);
        audit.changed(identity(actor), AuditAction.UPDATE, ENTITY, id, Map.of("status", "DRAFT"),
                Map.of("status", "APPLIED", "effectiveDate", r.getEffectiveDate().toString()),
                "reorganization " + id + " applied");
    }

    /**
     * Writes down the communes of every staff member an ending commune's code will change, before Keycloak is
     * touched: if setting the scopes then fails half way, the next run and the undo still know each one's list.
     */
    public void journalScopes(long id) {
        Reorganization r = em.find(Reorganization.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || r.getStatus() != Reorganization.Status.SCOPES) {
            return;
        }
        String tenant = TenantContext.current().orElseThrow().code().value();
        Map<String, String> heirCodes = r.heirCodes();
        Map<String, List<String>> journaled = em.unwrap(Session.class)
                .doReturningWork(c -> RowJournal.scopes(c, id));
        for (KeycloakAdmin.TenantAccount account : keycloak.tenantAccounts(tenant)) {
            List<String> before = account.communes() == null ? List.of() : account.communes();
            if (!journaled.containsKey(account.id()) && before.stream().anyMatch(heirCodes::containsKey)) {
                em.unwrap(Session.class).doWork(c -> new RowJournal(c, id).scope(account.id(), before));
            }
        }
    }

    /** Sets each journaled staff member's communes in Keycloak: an ending commune's code becomes its heir's. */
    public void applyScopes(long id) {
        Reorganization r = em.find(Reorganization.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || r.getStatus() != Reorganization.Status.SCOPES) {
            return;
        }
        Map<String, String> heirCodes = r.heirCodes();
        Map<String, List<String>> journaled = em.unwrap(Session.class)
                .doReturningWork(c -> RowJournal.scopes(c, id));
        journaled.forEach((user, before) -> {
            Set<String> after = new LinkedHashSet<>();
            before.forEach(code -> after.add(heirCodes.getOrDefault(code, code)));
            keycloak.setCommunes(user, new ArrayList<>(after));
        });
        r.scopesApplied();
    }

    /**
     * Puts the map back: staff scopes first (from the journal), then every row in reverse order, in one transaction.
     */
    @TransactionTimeout(value = 30, unit = TimeUnit.MINUTES)
    public void revert(long id) {
        Reorganization r = em.find(Reorganization.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || r.getStatus() != Reorganization.Status.REVERTING) {
            return;
        }
        Map<String, List<String>> scopes = em.unwrap(Session.class).doReturningWork(c -> RowJournal.scopes(c, id));
        scopes.forEach(keycloak::setCommunes);
        int rows = em.unwrap(Session.class).doReturningWork(c -> RowJournal.undo(c, id));
        r.reverted();
        audit.changed(identity(r.getRevertedBy()), AuditAction.UPDATE, ENTITY, id, Map.of("status", "APPLIED"),
                Map.of("status", "REVERTED", "rows", String.valueOf(rows)), "reorganization " + id + " undone");
    }

    /**
     * The reorganizations of the bound province whose job died with its node: still in progress, no failure said,
     * and no sign of life for longer than a run's transaction may last. Answers id and last execution of each.
     */
    public List<long[]> stalled(Instant before) {
        List<Object[]> rows = em.createQuery("select r.id, r.executionId from Reorganization r where r.status in"
                + " :running and r.failure is null and coalesce(r.heartbeatAt, r.changedAt) < :before",
                Object[].class).setParameter("running", List.of(Reorganization.Status.APPLYING,
                        Reorganization.Status.SCOPES, Reorganization.Status.REVERTING))
                .setParameter("before", before).getResultList();
        List<long[]> stalled = new ArrayList<>();
        for (Object[] r : rows) {
            stalled.add(new long[] {(Long) r[0], r[1] == null ? -1 : (Long) r[1]});
        }
        return stalled;
    }

    public void running(long id, long execution) {
        Reorganization r = em.find(Reorganization.class, id);
        if (r != null) {
            r.running(execution);
        }
    }

    public void failed(long id, String why) {
        Reorganization r = em.find(Reorganization.class, id);
        if (r != null) {
            r.failed(why);
        }
    }

    private static Map<Long, Long> personsByCommune(ReorganizationMap map, Map<Long, Long> personsByVillage) {
        Map<Long, Long> result = new HashMap<>();
        for (Long commune : map.shares().keySet()) {
            long n = 0;
            for (ReorganizationMap.Unit v : map.villagesOf(commune)) {
                n += personsByVillage.getOrDefault(v.id(), 0L);
            }
            result.put(commune, n);
        }
        return result;
    }

    /** The villages that end in a merge of villages and those that take them over. */
    static Set<Long> mergingVillages(ReorganizationMap map) {
        Set<Long> villages = new LinkedHashSet<>(map.villageMerges().keySet());
        map.villageMerges().values().stream().filter(v -> v >= 0).forEach(villages::add);
        return villages;
    }

    private void apply(Connection c, Reorganization r, ReorganizationMap map, List<UnitCounts.TargetRow> targets,
                       List<UnitCounts.QuotaRow> quotas, Map<Long, Long> personsByCommune, String actor,
                       List<AuditTrail.Change> moved) throws SQLException {
        RowJournal journal = new RowJournal(c, r.getId());
        LocalDate effective = r.getEffectiveDate();
        Date lastDay = Date.valueOf(effective.minusDays(1));
        Timestamp now = Timestamp.from(Instant.now());
        Map<Long, Long> ids = new HashMap<>();
        for (ReorganizationMap.NewCommune n : map.newCommunes()) {
            ids.put(n.tempId(), journal.insert("admin_unit", newUnit(n.code(), n.name(), UnitLevel.COMMUNE, n.type(),
                    n.parentId(), effective, now, actor)));
        }
        for (ReorganizationMap.NewVillage n : map.newVillages()) {
            ids.put(n.tempId(), journal.insert("admin_unit", newUnit(n.code(), n.name(), UnitLevel.VILLAGE, n.type(),
                    n.communeId(), effective, now, actor)));
        }
        java.util.function.LongUnaryOperator resolve = x -> x < 0 ? ids.get(x) : x;
        for (Map.Entry<Long, Long> merge : map.villageMerges().entrySet()) {
            long to = resolve.applyAsLong(merge.getValue());
            for (long person : ids(c, "SELECT id FROM person WHERE village_id = ?", merge.getKey(), null)) {
                moved.add(new AuditTrail.Change(person, Map.of("villageId", String.valueOf(merge.getKey())),
                        Map.of("villageId", String.valueOf(to))));
            }
            journal.updateAll("person", "village_id", merge.getKey(), Map.of("village_id", to));
            journal.updateAll("household", "village_id", merge.getKey(), Map.of("village_id", to));
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("valid_to", lastDay);
            values.putAll(changed(c, "admin_unit", merge.getKey(), actor, now));
            journal.update("admin_unit", merge.getKey(), values);
        }
        for (ReorganizationMap.VillageSplit split : map.villageSplits()) {
            long to = resolve.applyAsLong(split.targetId());
            for (String code : split.households()) {
                long household = ids(c, "SELECT id FROM household WHERE village_id = ? AND code = ?",
                        split.sourceId(), code).get(0);
                for (long person : ids(c, "SELECT id FROM person WHERE household_id = ? AND village_id = ?",
                        household, split.sourceId())) {
                    moved.add(new AuditTrail.Change(person, Map.of("villageId", String.valueOf(split.sourceId())),
                            Map.of("villageId", String.valueOf(to))));
                    // Only the village changes, as in a merge of villages: the records themselves were not
                    // written, and an undo compares their change times with the apply's.
                    journal.update("person", person, Map.of("village_id", to));
                }
                journal.update("household", household, Map.of("village_id", to));
            }
        }
        for (QuotaMerge.Change q : QuotaMerge.changes(map, quotas, resolve)) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("village_id", q.villageId());
            values.put("population", q.population());
            values.put("quota", q.quota());
            values.putAll(changed(c, "village_quota", q.quotaId(), actor, now));
            journal.update("village_quota", q.quotaId(), values);
        }

        Map<Long, Map<String, Object>> unitChanges = new LinkedHashMap<>();
        for (ReorganizationMap.Rename rename : map.renames()) {
            Map<String, Object> change = unitChanges.computeIfAbsent(rename.unitId(), k -> new LinkedHashMap<>());
            change.put("name", rename.name());
            change.put("name_folded", TextFolding.fold(rename.name()));
            change.put("unit_type", rename.type());
        }
        for (Map.Entry<Long, Long> move : map.villageMoves().entrySet()) {
            unitChanges.computeIfAbsent(move.getKey(), k -> new LinkedHashMap<>())
                    .put("parent_id", resolve.applyAsLong(move.getValue()));
        }
        for (Map.Entry<Long, Map<String, Object>> change : unitChanges.entrySet()) {
            ReorganizationMap.Unit u = map.unit(change.getKey());
            Map<String, Object> period = new LinkedHashMap<>();
            period.put("unit_id", u.id());
            period.put("valid_from", Date.valueOf(periodStart(c, u)));
            period.put("valid_to", lastDay);
            period.put("parent_id", u.parentId());
            period.put("name", u.name());
            period.put("unit_type", u.type());
            period.put("reorganization_id", r.getId());
            journal.insert("admin_unit_period", period);
            Map<String, Object> values = new LinkedHashMap<>(change.getValue());
            values.putAll(changed(c, "admin_unit", u.id(), actor, now));
            journal.update("admin_unit", u.id(), values);
        }
        for (Map.Entry<Long, Long> heir : map.heirs().entrySet()) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("valid_to", lastDay);
            values.putAll(changed(c, "admin_unit", heir.getKey(), actor, now));
            journal.update("admin_unit", heir.getKey(), values);
        }
        for (Map.Entry<Long, Set<Long>> p : map.predecessors().entrySet()) {
            for (Long predecessor : p.getValue()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("unit_id", resolve.applyAsLong(p.getKey()));
                row.put("predecessor_id", predecessor);
                journal.insert("admin_unit_predecessor", row);
            }
        }
        List<ReorganizationMap.StationChange> stations = new ArrayList<>(map.stationChanges());
        stations.sort(java.util.Comparator.comparing(s -> s.parentId() == null ? 1 : 0));
        for (ReorganizationMap.StationChange s : stations) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("commune_id", resolve.applyAsLong(s.communeId()));
            values.put("parent_id", s.parentId());
            values.put("former_commune_id", s.formerCommuneId());
            values.put("open_main_marker", s.parentId() == null ? 1 : null);
            values.putAll(changed(c, "health_station", s.stationId(), actor, now));
            journal.update("health_station", s.stationId(), values);
        }
        for (Map.Entry<Long, Long> heir : map.heirs().entrySet()) {
            long to = resolve.applyAsLong(heir.getValue());
            for (long plan : ids(c, "SELECT id FROM plan WHERE unit_id = ? AND period_to >= ?", heir.getKey(),
                    Date.valueOf(effective))) {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("unit_id", to);
                values.putAll(changed(c, "plan", plan, actor, now));
                journal.update("plan", plan, values);
            }
            for (String[] work : List.of(new String[] {"citizen_feedback", "commune_id"},
                    new String[] {"citizen_change_request", "commune_id"}, new String[] {"consultation", "commune_id"},
                    new String[] {"claim", "review_commune_id"})) {
                for (long row : ids(c, "SELECT id FROM " + work[0] + " WHERE " + work[1] + " = ?", heir.getKey(),
                        null)) {
                    journal.update(work[0], row, Map.of(work[1], to));
                }
            }
        }
        for (UnitCounts.TargetRow t : targets) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("period_to", lastDay);
            values.putAll(changed(c, "target", t.id(), actor, now));
            journal.update("target", t.id(), values);
        }
        for (TargetMerge.Merged m : TargetMerge.merge(map, targets, personsByCommune)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("indicator_id", m.indicatorId());
            row.put("unit_id", resolve.applyAsLong(m.communeId()));
            row.put("plan_id", m.planId());
            row.put("period_from", Date.valueOf(effective));
            row.put("period_to", Date.valueOf(m.to()));
            row.put("baseline", m.baseline().setScale(2, RoundingMode.HALF_UP));
            row.put("target_value", m.value().setScale(2, RoundingMode.HALF_UP));
            row.put("note", m.note());
            row.put("version", 0);
            row.put("created_at", now);
            row.put("created_by", actor);
            journal.insert("target", row);
        }
    }

    /** The row of a unit the reorganization creates, valid from the effective date. */
    private static Map<String, Object> newUnit(String code, String name, UnitLevel level, String type, Long parentId,
                                               LocalDate effective, Timestamp now, String actor) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("code", code);
        row.put("name", name);
        row.put("name_folded", TextFolding.fold(name));
        row.put("level", level.name());
        row.put("unit_type", type);
        row.put("parent_id", parentId);
        row.put("valid_from", Date.valueOf(effective));
        row.put("version", 0);
        row.put("created_at", now);
        row.put("created_by", actor);
        return row;
    }

    /** The day the unit's current attributes began: after its last kept period, or when it began. */
    private static LocalDate periodStart(Connection c, ReorganizationMap.Unit u) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT MAX(valid_to) FROM admin_unit_period WHERE unit_id = ?")) {
            s.setLong(1, u.id());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                Date last = r.getDate(1);
                return last == null ? u.validFrom() : last.toLocalDate().plusDays(1);
            }
        }
    }

    /** The audited columns of a changed row: who and when, and the version one up. */
    private static Map<String, Object> changed(Connection c, String table, long id, String actor, Timestamp now)
            throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT version FROM " + table + " WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                values.put("version", r.getInt(1) + 1);
            }
        }
        values.put("changed_at", now);
        values.put("changed_by", actor);
        return values;
    }

    private static List<Long> ids(Connection c, String sql, long first, Object second) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, first);
            if (second != null) {
                s.setObject(2, second);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        return ids;
    }

    static CallerIdentity identity(String actor) {
        String tenant = TenantContext.current().orElseThrow().code().value();
        return new CallerIdentity(actor == null ? "system" : actor, Set.of(Roles.PROVINCE_ADMIN),
                Optional.of(tenant), null);
    }
}
