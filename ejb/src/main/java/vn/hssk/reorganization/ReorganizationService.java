package vn.hssk.reorganization;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.hibernate.Session;
import vn.hssk.audit.AuditAction;
import vn.hssk.audit.AuditTrail;
import vn.hssk.reorganization.UnitCounts.Measure;
import vn.hssk.shared.BatchLauncher;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;
import vn.hssk.tenant.KeycloakAdmin;

/**
 * The province administrator's use cases of a reorganization: prepare (and correct) a draft, preview it, apply it as
 * a background job, follow it, undo it, and count the units it involves at any moment (the proof that nothing was
 * lost or counted twice). Undo is refused once a record was written to a unit the reorganization changed, or a later
 * reorganization was applied: from then on only a new reorganization changes the map.
 */
@Stateless
@RolesAllowed(Roles.PROVINCE_ADMIN)
public class ReorganizationService {

    private static final Set<String> STAFF_ROLES = Set.of(Roles.COMMUNE_CHAIR, Roles.STATION_STAFF);

    @Resource
    private EJBContext context;

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private UnitCounts counts;

    @Inject
    private AuditTrail audit;

    @Inject
    private BatchLauncher batch;

    @Inject
    private KeycloakAdmin keycloak;

    public Reorganization create(String title, LocalDate effectiveDate, List<ReorganizationStep> steps) {
        CallerIdentity caller = CallerIdentity.of(context);
        Reorganization r = new Reorganization(title, effectiveDate, steps, caller.username());
        ReorganizationWork.map(counts, effectiveDate, steps);
        em.persist(r);
        em.flush();
        audit.changed(caller, AuditAction.CREATE, ReorganizationWork.ENTITY, r.getId(), Map.of(),
                Map.of("title", r.getTitle(), "effectiveDate", effectiveDate.toString()), null);
        return r;
    }

    /** A draft from the decision's list of old and new commune codes (CSV or XLSX). */
    public Reorganization createFromDecision(String title, LocalDate effectiveDate, byte[] file, String fileName) {
        return create(title, effectiveDate, DecisionFile.steps(DecisionFile.read(file, fileName)));
    }

    public Reorganization redraft(long id, String title, LocalDate effectiveDate, List<ReorganizationStep> steps) {
        CallerIdentity caller = CallerIdentity.of(context);
        Reorganization r = find(id);
        ReorganizationWork.map(counts, effectiveDate, steps);
        r.redraft(title, effectiveDate, steps, caller.username());
        return r;
    }

    public List<Reorganization> list() {
        return em.createQuery("select r from Reorganization r order by r.id desc", Reorganization.class)
                .setMaxResults(200).getResultList();
    }

    public Reorganization get(long id) {
        return find(id);
    }

    public ReorganizationPreview preview(long id) {
        Reorganization r = find(id);
        if (r.getStatus() != Reorganization.Status.DRAFT) {
            throw ProblemException.conflict(FieldError.coded("status", "reorg.status",
                    "The reorganization is " + r.getStatus() + "; this needs DRAFT", r.getStatus(), "DRAFT"));
        }
        return preview(r, ReorganizationWork.map(counts, r.getEffectiveDate(), r.steps()));
    }

    /** Queues the apply: refused while the preview lists a conflict or before the effective date. */
    public Reorganization apply(long id) {
        CallerIdentity caller = CallerIdentity.of(context);
        Reorganization r = find(id);
        ReorganizationMap map = ReorganizationWork.map(counts, r.getEffectiveDate(), r.steps());
        List<FieldError> conflicts = new ArrayList<>(map.conflicts());
        conflicts.addAll(TargetMerge.conflicts(map, counts.targets(map.shares().keySet(), r.getEffectiveDate())));
        conflicts.addAll(QuotaMerge.conflicts(map, counts.quotas(ReorganizationWork.mergingVillages(map),
                r.getEffectiveDate())));
        conflicts.addAll(counts.householdConflicts(map));
        if (!conflicts.isEmpty()) {
            throw new ProblemException(409, conflicts.get(0));
        }
        r.startApply(FieldCheck.today(), caller.username());
        audit.changed(caller, AuditAction.UPDATE, ReorganizationWork.ENTITY, id, Map.of("status", "DRAFT"),
                Map.of("status", "APPLYING"), null);
        batch.afterCommit(ReorganizationBatchlet.JOB, params(caller.requireTenant(), id), null);
        return r;
    }

    /** Queues the undo of an applied reorganization, if nothing was written to its units since. */
    public Reorganization undo(long id) {
        CallerIdentity caller = CallerIdentity.of(context);
        Reorganization r = find(id);
        if (r.getStatus() == Reorganization.Status.APPLIED) {
            refuseUndoAfterWrites(r);
        }
        r.startUndo(caller.username());
        audit.changed(caller, AuditAction.UPDATE, ReorganizationWork.ENTITY, id, Map.of("status", "APPLIED"),
                Map.of("status", "REVERTING"), null);
        batch.afterCommit(ReorganizationBatchlet.JOB, params(caller.requireTenant(), id), null);
        return r;
    }

    /** Runs the job again for a reorganization whose run failed or whose node went away. */
    public Reorganization resume(long id) {
        CallerIdentity caller = CallerIdentity.of(context);
        Reorganization r = find(id);
        if (!r.inProgress()) {
            throw ProblemException.conflict(FieldError.coded("status", "reorg.nothingToResume",
                    "The reorganization is " + r.getStatus() + "; there is nothing to resume", r.getStatus()));
        }
        batch.afterCommit(ReorganizationBatchlet.JOB, params(caller.requireTenant(), id), r.getExecutionId());
        return r;
    }

    /**
     * The counts of the named communes now, each the last unit with its code (an ended commune counts what still
     * hangs on it): before apply, after apply and after undo, the same measures the preview shows.
     */
    public Map<String, Map<Measure, Long>> countsNow(List<String> communeCodes, LocalDate effective) {
        Map<String, Long> ids = em.unwrap(Session.class).doReturningWork(c -> {
            Map<String, Long> found = new LinkedHashMap<>();
            for (String code : communeCodes) {
                try (PreparedStatement s = c.prepareStatement("SELECT id FROM admin_unit WHERE code = ? AND level ="
                        + " 'COMMUNE' ORDER BY valid_from DESC LIMIT 1")) {
                    s.setString(1, code);
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            found.put(code, rs.getLong(1));
                        }
                    }
                }
            }
            return found;
        });
        Map<Long, Map<Measure, Long>> perVillage = counts.byVillage(ids.values(), effective);
        Map<Long, Long> villageCommune = villageCommunes(perVillage.keySet());
        Map<Long, Map<Measure, Long>> perCommune = counts.byCommune(ids.values(), effective);
        Map<String, Long> staff = staffByCommune(Map.of());
        Map<String, Map<Measure, Long>> result = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : ids.entrySet()) {
            Map<Measure, Long> m = new EnumMap<>(UnitCounts.empty(true));
            m.putAll(perCommune.get(e.getValue()));
            perVillage.forEach((v, vm) -> {
                if (e.getValue().equals(villageCommune.get(v))) {
                    vm.forEach((k, n) -> m.merge(k, n, Long::sum));
                }
            });
            m.put(Measure.STAFF, staff.getOrDefault(e.getKey(), 0L));
            result.put(e.getKey(), m);
        }
        return result;
    }

    private Map<Long, Long> villageCommunes(Set<Long> villages) {
        if (villages.isEmpty()) {
            return Map.of();
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            Map<Long, Long> parents = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, parent_id FROM admin_unit WHERE id IN ("
                    + UnitCounts.placeholders(villages.size()) + ")")) {
                int i = 1;
                for (Long v : villages) {
                    s.setLong(i++, v);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        parents.put(rs.getLong(1), rs.getLong(2));
                    }
                }
            }
            return parents;
        });
    }

    /** Commune-scoped accounts per commune code, with each code read through {@code heirs} (old code to new). */
    private Map<String, Long> staffByCommune(Map<String, String> heirs) {
        Map<String, Long> staff = new HashMap<>();
        String tenant = CallerIdentity.of(context).requireTenant();
        for (KeycloakAdmin.TenantAccount a : keycloak.tenantAccounts(tenant)) {
            if (a.role() == null || !STAFF_ROLES.contains(a.role()) || a.communes() == null) {
                continue;
            }
            Set<String> codes = new LinkedHashSet<>();
            a.communes().forEach(code -> codes.add(heirs.getOrDefault(code, code)));
            codes.forEach(code -> staff.merge(code, 1L, Long::sum));
        }
        return staff;
    }

    private void refuseUndoAfterWrites(Reorganization r) {
        Timestamp since = Timestamp.from(r.getAppliedAt());
        boolean written = em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT"
                    + " EXISTS (SELECT 1 FROM reorganization WHERE id <> ? AND applied_at > ?"
                    + "   AND status IN ('APPLYING', 'SCOPES', 'APPLIED', 'REVERTING'))"
                    + " OR EXISTS (SELECT 1 FROM person p JOIN admin_unit v ON v.id = p.village_id"
                    + "   WHERE v.parent_id IN (" + affectedCommunes() + ")"
                    + "   AND (p.created_at > ? OR p.changed_at > ?))"
                    + " OR EXISTS (SELECT 1 FROM household h JOIN admin_unit v ON v.id = h.village_id"
                    + "   WHERE v.parent_id IN (" + affectedCommunes() + ")"
                    + "   AND (h.created_at > ? OR h.changed_at > ?))"
                    // Applied in a province since merged into this one: its journal stayed with the old keys.
                    + " OR NOT EXISTS (SELECT 1 FROM reorganization_journal WHERE reorganization_id = ?)")) {
                s.setLong(1, r.getId());
                s.setTimestamp(2, since);
                int i = 3;
                for (int k = 0; k < 2; k++) {
                    s.setLong(i++, r.getId());
                    s.setLong(i++, r.getId());
                    s.setLong(i++, r.getId());
                    s.setTimestamp(i++, since);
                    s.setTimestamp(i++, since);
                }
                s.setLong(i, r.getId());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            }
        });
        if (written) {
            throw ProblemException.conflict(FieldError.coded("status", "reorg.undoTooLate", "Records were written"
                    + " to the changed units after the reorganization was applied (or a later one was applied);"
                    + " only a new reorganization changes the map now"));
        }
    }

    /** The communes a reorganization changed: those its journal touched, and the new ones it inserted. */
    private static String affectedCommunes() {
        // The units it changed, the communes of the villages it changed (merged, split, made), and earlier parents.
        return "SELECT CAST(j.row_key AS UNSIGNED) FROM reorganization_journal j WHERE j.reorganization_id = ?"
                + " AND j.table_name = 'admin_unit' UNION SELECT a.parent_id FROM reorganization_journal j"
                + " JOIN admin_unit a ON a.id = CAST(j.row_key AS UNSIGNED) WHERE j.reorganization_id = ?"
                + " AND j.table_name = 'admin_unit' AND a.parent_id IS NOT NULL"
                + " UNION SELECT p.parent_id FROM admin_unit_period p WHERE p.reorganization_id = ?";
    }

    private ReorganizationPreview preview(Reorganization r, ReorganizationMap map) {
        LocalDate effective = r.getEffectiveDate();
        List<Long> involved = map.communesInvolved();
        List<Long> existing = involved.stream().filter(id -> id >= 0).toList();
        Map<Long, Map<Measure, Long>> perVillage = counts.byVillage(existing, effective);
        Map<Long, Map<Measure, Long>> perCommune = counts.byCommune(existing, effective);
        List<UnitCounts.TargetRow> targets = counts.targets(map.shares().keySet(), effective);
        Map<String, String> heirCodes = new HashMap<>();
        map.heirs().forEach((old, heir) -> heirCodes.put(map.codeOf(old), map.codeOf(heir)));
        Map<String, Long> staffBefore = staffByCommune(Map.of());
        Map<String, Long> staffAfter = staffByCommune(heirCodes);

        Map<Long, Map<Measure, Long>> before = new LinkedHashMap<>();
        Map<Long, Map<Measure, Long>> after = new LinkedHashMap<>();
        for (Long id : involved) {
            Map<Measure, Long> b = new EnumMap<>(UnitCounts.empty(true));
            b.putAll(UnitCounts.empty(false));
            Map<Measure, Long> a = new EnumMap<>(b);
            if (id >= 0) {
                b.putAll(perCommune.get(id));
                b.put(Measure.STAFF, staffBefore.getOrDefault(map.codeOf(id), 0L));
            }
            a.put(Measure.STAFF, staffAfter.getOrDefault(map.codeOf(id), 0L));
            before.put(id, b);
            after.put(id, a);
        }
        Map<Long, Long> personsByCommune = new HashMap<>();
        for (Long commune : existing) {
            for (ReorganizationMap.Unit v : map.villagesOf(commune)) {
                Map<Measure, Long> vm = perVillage.getOrDefault(v.id(), UnitCounts.empty(true));
                vm.forEach((k, n) -> before.get(commune).merge(k, n, Long::sum));
                long to = map.communeAfter(v);
                vm.forEach((k, n) -> after.get(to).merge(k, n, Long::sum));
                personsByCommune.merge(commune, vm.get(Measure.PERSONS), Long::sum);
            }
        }
        Map<Long, Long> stationsAfter = new HashMap<>();
        Map<Long, Long> stationCommune = new HashMap<>();
        for (ReorganizationMap.Station s : counts.openStations()) {
            stationCommune.put(s.id(), s.communeId());
        }
        map.stationChanges().forEach(sc -> stationCommune.put(sc.stationId(), sc.communeId()));
        stationCommune.values().forEach(c -> stationsAfter.merge(c, 1L, Long::sum));
        for (Long id : involved) {
            after.get(id).put(Measure.STATIONS, stationsAfter.getOrDefault(id, 0L));
            long plans = 0;
            for (Long source : involved) {
                if (source >= 0 && map.heirOf(source) == id) {
                    plans += perCommune.get(source).get(Measure.OPEN_PLANS);
                }
            }
            after.get(id).put(Measure.OPEN_PLANS, plans);
            if (id >= 0 && !map.shares().containsKey(id)) {
                after.get(id).put(Measure.TARGETS, before.get(id).get(Measure.TARGETS));
                after.get(id).put(Measure.TARGET_TOTAL, before.get(id).get(Measure.TARGET_TOTAL));
            }
        }
        for (TargetMerge.Merged m : TargetMerge.merge(map, targets, personsByCommune)) {
            Map<Measure, Long> a = after.get(m.communeId());
            a.merge(Measure.TARGETS, 1L, Long::sum);
            if (!m.percent()) {
                a.merge(Measure.TARGET_TOTAL, Math.round(m.value().doubleValue()), Long::sum);
            }
        }

        String day = effective.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        List<ReorganizationPreview.UnitLine> lines = new ArrayList<>();
        Map<Measure, Long> totalBefore = new EnumMap<>(Measure.class);
        Map<Measure, Long> totalAfter = new EnumMap<>(Measure.class);
        for (Long id : involved) {
            before.get(id).forEach((k, n) -> totalBefore.merge(k, n, Long::sum));
            after.get(id).forEach((k, n) -> totalAfter.merge(k, n, Long::sum));
            List<FieldError> happens = happenings(map, id, day, before.get(id));
            String fate = id < 0 ? "NEW" : map.heirs().containsKey(id) ? "ENDS"
                    : map.shares().containsKey(id) || map.renames().stream().anyMatch(x -> x.unitId() == id)
                            || movesInOrOut(map, id) || !happens.isEmpty() ? "CHANGES" : "STAYS";
            lines.add(new ReorganizationPreview.UnitLine(map.codeOf(id), map.nameOf(id), fate,
                    map.heirs().containsKey(id) ? map.codeOf(map.heirs().get(id)) : null, before.get(id),
                    after.get(id), happens));
        }
        List<FieldError> conflicts = new ArrayList<>(map.conflicts());
        conflicts.addAll(TargetMerge.conflicts(map, targets));
        conflicts.addAll(QuotaMerge.conflicts(map, counts.quotas(ReorganizationWork.mergingVillages(map),
                effective)));
        conflicts.addAll(counts.householdConflicts(map));
        List<FieldError> rules = List.of(
                FieldError.coded("rules", "reorg.rule.villages", "Villages keep their code and take their people,"
                        + " households, quotas and records with them"),
                FieldError.coded("rules", "reorg.rule.stations", "A station of an ending commune becomes a sub-site"
                        + " of its successor's main station, serving its former commune"),
                FieldError.coded("rules", "reorg.rule.targets", "Targets stop the day before {0}; the successor"
                        + " holds their sum (counts) or their people-weighted mean (percentages) for the rest of the"
                        + " period", day),
                FieldError.coded("rules", "reorg.rule.staff", "Staff of an ending commune are scoped to its"
                        + " successor"));
        return new ReorganizationPreview(r.getId(), r.getTitle(), effective, r.getStatus(), lines, totalBefore,
                totalAfter, conflicts, rules);
    }

    private static boolean movesInOrOut(ReorganizationMap map, long commune) {
        for (Map.Entry<Long, Long> m : map.villageMoves().entrySet()) {
            if (m.getValue() == commune || java.util.Objects.equals(map.unit(m.getKey()).parentId(), commune)) {
                return true;
            }
        }
        return false;
    }

    private static List<FieldError> happenings(ReorganizationMap map, long id, String day, Map<Measure, Long> b) {
        List<FieldError> happens = new ArrayList<>();
        if (id < 0) {
            List<String> from = map.predecessors().getOrDefault(id, Set.of()).stream().map(map::codeOf).toList();
            happens.add(FieldError.coded("unit", "reorg.happens.begins", "Begins on " + day + ", continuing "
                    + String.join(", ", from), day, String.join(", ", from)));
        }
        Long heir = map.heirs().get(id);
        if (heir != null) {
            String to = map.codeOf(heir) + " " + map.nameOf(heir);
            happens.add(FieldError.coded("unit", "reorg.happens.ends", "Ends the day before " + day
                    + "; its villages with their people, households and quotas go to " + to, day, to));
            if (b.get(Measure.STAFF) > 0) {
                happens.add(FieldError.coded("unit", "reorg.happens.staff", b.get(Measure.STAFF)
                        + " staff accounts are scoped to " + to, b.get(Measure.STAFF), to));
            }
            if (b.get(Measure.OPEN_PLANS) > 0) {
                happens.add(FieldError.coded("unit", "reorg.happens.plans", b.get(Measure.OPEN_PLANS)
                        + " open plans pass to " + to, b.get(Measure.OPEN_PLANS), to));
            }
        }
        for (ReorganizationMap.StationChange s : map.stationChanges()) {
            if (s.communeId() == id || (heir != null && s.communeId() == heir && s.formerCommuneId() != null
                    && s.formerCommuneId() == id)) {
                if (s.communeId() == id && s.parentId() == null) {
                    happens.add(FieldError.coded("unit", "reorg.happens.mainStation", "Station " + s.stationId()
                            + " is the main station", s.stationId()));
                } else if (s.communeId() == id) {
                    happens.add(FieldError.coded("unit", "reorg.happens.subSite", "Station " + s.stationId()
                            + " becomes a sub-site of station " + s.parentId(), s.stationId(), s.parentId()));
                }
            }
        }
        for (ReorganizationMap.Rename r : map.renames()) {
            ReorganizationMap.Unit u = map.unit(r.unitId());
            if (u.id() == id || (u.parentId() != null && u.parentId() == id && u.level() != null
                    && u.level() == vn.hssk.unit.UnitLevel.VILLAGE)) {
                happens.add(FieldError.coded("unit", "reorg.happens.renamed", u.code() + " is renamed " + r.name()
                        + ", its code kept", u.code(), r.name()));
            }
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<Long, Long> m : map.villageMoves().entrySet()) {
            ReorganizationMap.Unit v = map.unit(m.getKey());
            if (heir == null && java.util.Objects.equals(v.parentId(), id)) {
                out.add(v.code() + " → " + map.codeOf(m.getValue()));
            }
        }
        List<String> merged = new ArrayList<>();
        for (Map.Entry<Long, Long> m : map.villageMerges().entrySet()) {
            ReorganizationMap.Unit v = map.unit(m.getKey());
            if (java.util.Objects.equals(v.parentId(), id)) {
                merged.add(v.code() + " → " + map.codeOf(m.getValue()));
            }
        }
        List<String> split = new ArrayList<>();
        for (ReorganizationMap.VillageSplit v : map.villageSplits()) {
            if (java.util.Objects.equals(map.unit(v.sourceId()).parentId(), id)) {
                split.add(map.codeOf(v.sourceId()) + " → " + map.codeOf(v.targetId()) + " ("
                        + String.join(", ", v.households()) + ")");
            }
        }
        if (!split.isEmpty()) {
            happens.add(FieldError.coded("unit", "reorg.happens.villageSplits", "Households go, with their members,"
                    + " to another village (the village keeps its quotas): " + String.join("; ", split),
                    String.join("; ", split)));
        }
        if (!merged.isEmpty()) {
            happens.add(FieldError.coded("unit", "reorg.happens.villagesMerge", "Villages merge, with their people,"
                    + " households and quotas: " + String.join(", ", merged), String.join(", ", merged)));
        }
        if (!out.isEmpty()) {
            happens.add(FieldError.coded("unit", "reorg.happens.villagesMove", "Villages move: "
                    + String.join(", ", out), String.join(", ", out)));
        }
        return happens;
    }

    private Reorganization find(long id) {
        Reorganization r = em.find(Reorganization.class, id);
        if (r == null) {
            throw new ProblemException(404, FieldError.coded("id", "reorg.notFound", "No reorganization " + id, id));
        }
        return r;
    }

    private static Properties params(String tenant, long id) {
        Properties p = new Properties();
        p.setProperty(ReorganizationBatchlet.TENANT, tenant);
        p.setProperty(ReorganizationBatchlet.REORGANIZATION, String.valueOf(id));
        return p;
    }
}
