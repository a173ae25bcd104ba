package vn.hssk.plan;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;
import vn.hssk.shared.TextFolding;
import vn.hssk.unit.AdministrativeUnit;

/**
 * Village quotas of record creation, a commune and a year at a time: the grid as it stands, saving it (typed,
 * imported from CSV/XLSX or copied from another year), and the trail of changes. Province administrators change
 * quotas; commune roles read those of their communes. A quota is never negative and never above the village's
 * population unless the user confirmed it; every change is audited with the values before and after.
 */
@Stateless
public class QuotaService {

    @Resource
    private EJBContext context;

    @Inject
    private ScopedUnits scoped;

    @Inject
    private QuotaRepository quotas;

    @Inject
    private ProgressRepository progress;

    @Inject
    private PlanAudit audit;

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public QuotaGrid grid(String communeCode, int year) {
        VillageQuota.checkYear(year);
        return grid(scoped.commune(caller(), communeCode), year);
    }

    /**
     * Saves the typed quotas of a commune's villages for a year. All entries are checked before anything is written
     * (errors name {@code entries[i].quota} and so on); a quota above the population needs {@code confirmed}.
     */
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public QuotaGrid save(String communeCode, int year, List<QuotaEntry> entries, boolean confirmed) {
        CallerIdentity caller = caller();
        VillageQuota.checkYear(year);
        AdministrativeUnit commune = scoped.commune(caller, communeCode);
        Map<Long, ProgressRepository.UnitLine> villages = villages(commune, year);
        List<FieldError> errors = new ArrayList<>();
        List<QuotaEntry> given = entries == null ? List.of() : entries;
        for (int i = 0; i < given.size(); i++) {
            check(given.get(i), "entries[" + i + "].", villages, confirmed, errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        write(caller, commune, year, given, "UPDATE");
        return grid(commune, year);
    }

    /** Reads a CSV or XLSX table of the commune's villages (by code or name) and saves it like typed quotas. */
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public QuotaGrid importFile(String communeCode, int year, byte[] content, boolean xlsx, boolean confirmed) {
        CallerIdentity caller = caller();
        VillageQuota.checkYear(year);
        AdministrativeUnit commune = scoped.commune(caller, communeCode);
        Map<Long, ProgressRepository.UnitLine> villages = villages(commune, year);
        Map<String, Long> byKey = new HashMap<>();
        villages.values().forEach(v -> {
            byKey.put(v.code(), v.id());
            byKey.put(TextFolding.fold(v.name()), v.id());
            byKey.put(TextFolding.fold(v.name()).replaceFirst("^(thon|xom|ban|ap|to dan pho) ", ""), v.id());
        });
        List<FieldError> errors = new ArrayList<>();
        List<QuotaEntry> entries = new ArrayList<>();
        for (QuotaFile.Line line : QuotaFile.read(content, xlsx)) {
            String at = "line " + line.number() + ": ";
            Long villageId = byKey.get(line.village().strip());
            if (villageId == null) {
                villageId = byKey.get(TextFolding.fold(line.village()));
            }
            if (villageId == null) {
                errors.add(new FieldError("file", at + "no village '" + line.village() + "' in commune "
                        + commune.getCode()));
                continue;
            }
            try {
                QuotaEntry entry = new QuotaEntry(villageId, QuotaFile.number(line.population()),
                        QuotaFile.number(line.quota()));
                List<FieldError> lineErrors = new ArrayList<>();
                check(entry, "", villages, confirmed, lineErrors);
                lineErrors.forEach(e -> errors.add(new FieldError("file", at + e.field() + ": " + e.message())));
                entries.add(entry);
            } catch (NumberFormatException e) {
                errors.add(new FieldError("file", at + "population and quota are whole numbers"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (entries.isEmpty()) {
            throw ProblemException.invalid("file", "The file has no village lines");
        }
        write(caller, commune, year, entries, "IMPORT");
        return grid(commune, year);
    }

    /**
     * Copies the quotas of {@code fromYear} to {@code toYear} for the commune's villages that have none in the
     * target year (existing quotas are kept unless {@code overwrite}); answers the new grid.
     */
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public QuotaGrid copyYear(String communeCode, int fromYear, int toYear, boolean overwrite) {
        CallerIdentity caller = caller();
        VillageQuota.checkYear(fromYear);
        VillageQuota.checkYear(toYear);
        if (fromYear == toYear) {
            throw ProblemException.invalid("toYear", "Copy to another year");
        }
        AdministrativeUnit commune = scoped.commune(caller, communeCode);
        QuotaGrid source = grid(commune, fromYear);
        Map<Long, ProgressRepository.UnitLine> villages = villages(commune, toYear);
        QuotaGrid current = grid(commune, toYear);
        Map<Long, QuotaLine> existing = current.lines().stream()
                .collect(Collectors.toMap(QuotaLine::villageId, Function.identity()));
        List<QuotaEntry> entries = new ArrayList<>();
        for (QuotaLine line : source.lines()) {
            QuotaLine now = existing.get(line.villageId());
            if (line.quota() != null && villages.containsKey(line.villageId())
                    && (overwrite || now == null || now.quota() == null)) {
                entries.add(new QuotaEntry(line.villageId(), line.population(), line.quota()));
            }
        }
        if (entries.isEmpty() && source.lines().stream().allMatch(l -> l.quota() == null)) {
            throw ProblemException.invalid("fromYear", "Commune " + commune.getCode() + " has no quotas in "
                    + fromYear);
        }
        write(caller, commune, toYear, entries, "COPY");
        return grid(commune, toYear);
    }

    /** Who changed the quotas of the commune's villages, when, from what to what (newest first). */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR})
    public List<PlanAuditEntry> history(String communeCode, int year) {
        AdministrativeUnit commune = scoped.commune(caller(), communeCode);
        List<Long> ids = quotas.of(villages(commune, year).keySet(), year).stream().map(VillageQuota::getId).toList();
        return audit.of(PlanAudit.QUOTA, ids, 500);
    }

    private void check(QuotaEntry e, String path, Map<Long, ProgressRepository.UnitLine> villages,
                       boolean confirmed, List<FieldError> errors) {
        if (e.villageId() == null || !villages.containsKey(e.villageId())) {
            errors.add(new FieldError(path + "villageId", "Not a village of this commune"));
            return;
        }
        String village = villages.get(e.villageId()).name();
        if (e.population() == null) {
            errors.add(new FieldError(path + "population", village + ": the population is required"));
        } else if (e.population() < 0) {
            errors.add(new FieldError(path + "population", village + ": the population cannot be negative"));
        }
        if (e.quota() == null) {
            errors.add(new FieldError(path + "quota", village + ": the quota is required"));
        } else if (e.quota() < 0) {
            errors.add(new FieldError(path + "quota", village + ": a quota cannot be negative"));
        } else if (e.population() != null && e.population() >= 0 && e.quota() > e.population() && !confirmed) {
            errors.add(new FieldError(path + "quota", village + ": the quota " + e.quota()
                    + " is above the population " + e.population() + "; confirm to keep it"));
        }
    }

    private void write(CallerIdentity caller, AdministrativeUnit commune, int year, List<QuotaEntry> entries,
                       String action) {
        Map<Long, VillageQuota> existing = new HashMap<>();
        quotas.of(entries.stream().map(QuotaEntry::villageId).toList(), year)
                .forEach(q -> existing.put(q.getVillage().getId(), q));
        Map<Long, AdministrativeUnit> villageUnits = new HashMap<>();
        for (QuotaEntry e : entries) {
            VillageQuota quota = existing.get(e.villageId());
            Map<String, String> before = quota == null ? Map.of() : figures(quota);
            if (quota == null) {
                AdministrativeUnit village = villageUnits.computeIfAbsent(e.villageId(),
                        id -> scoped.byId(caller, id));
                quota = new VillageQuota(village, year, e.population(), e.quota(), caller.username());
                quotas.add(quota);
                quotas.flush();
                audit.record(caller.username(), PlanAudit.QUOTA, quota.getId(),
                        "UPDATE".equals(action) ? "CREATE" : action, label(commune, quota), before, figures(quota));
            } else if (quota.revise(e.population(), e.quota(), caller.username())) {
                audit.record(caller.username(), PlanAudit.QUOTA, quota.getId(), action, label(commune, quota),
                        before, figures(quota));
            }
        }
        quotas.flush();
    }

    private static String label(AdministrativeUnit commune, VillageQuota q) {
        return q.getVillage().getCode() + " " + q.getVillage().getName() + " (" + commune.getName() + ") "
                + q.getYear();
    }

    private static Map<String, String> figures(VillageQuota q) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("population", String.valueOf(q.getPopulation()));
        m.put("quota", String.valueOf(q.getQuota()));
        return m;
    }

    private Map<Long, ProgressRepository.UnitLine> villages(AdministrativeUnit commune, int year) {
        Period y = Period.year(year);
        Map<Long, ProgressRepository.UnitLine> villages = new LinkedHashMap<>();
        progress.villagesOf(commune.getId(), y.first(), ProgressService.asOf(y)).forEach(v -> villages.put(v.id(), v));
        return villages;
    }

    private QuotaGrid grid(AdministrativeUnit commune, int year) {
        Map<Long, ProgressRepository.UnitLine> villages = villages(commune, year);
        Map<Long, int[]> figures = progress.quotas(year, villages.keySet());
        List<QuotaLine> lines = villages.values().stream().map(v -> {
            int[] f = figures.get(v.id());
            return new QuotaLine(v.id(), v.code(), v.name(), f == null ? null : f[0], f == null ? null : f[1]);
        }).toList();
        return new QuotaGrid(commune.getId(), commune.getCode(), commune.getName(), year, lines);
    }

    private CallerIdentity caller() {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        return caller;
    }
}
