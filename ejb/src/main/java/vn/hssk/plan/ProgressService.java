package vn.hssk.plan;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.Roles;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;

/**
 * Progress of record creation against the village quotas: for any unit and period, the province overview (communes,
 * laggards first), the commune dashboard (villages, this week, weekly trend, forecast) and its report files. Every
 * figure is counted from {@code created_record} at the moment of the call; commune roles see their communes only.
 */
@Stateless
public class ProgressService {

    static final int WEEKS = 12;
    private static final int PACE_DAYS = 28;

    @Resource
    private EJBContext context;

    @Inject
    private ScopedUnits scoped;

    @Inject
    private ProgressRepository progress;

    /**
     * The progress of a unit (by code; the province when blank) in a period, with its children: the communes of a
     * province or district, the villages of a commune.
     */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public UnitProgress unit(String unitCode, String periodText) {
        CallerIdentity caller = caller();
        Period period = Period.parse(periodText);
        AdministrativeUnit unit;
        if (unitCode == null || unitCode.isBlank()) {
            if (caller.isCommuneScoped()) {
                throw ProblemException.invalid("unit", "Name one of your communes");
            }
            unit = scoped.province();
        } else {
            unit = scoped.byCode(caller, unitCode, "unit", asOf(period));
        }
        return tree(unit, period, false);
    }

    /** The province's communes ranked by the share of their quotas reached, laggards first. */
    @RolesAllowed(Roles.PROVINCE_ADMIN)
    public UnitProgress overview(String periodText) {
        caller();
        return tree(scoped.province(), Period.parse(periodText), true);
    }

    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public CommuneDashboard dashboard(String communeCode, String periodText) {
        CallerIdentity caller = caller();
        Period period = Period.parse(periodText);
        AdministrativeUnit commune = scoped.commune(caller, communeCode, asOf(period));
        return dashboard(commune, period);
    }

    /** The dashboard as a report file (XLSX or PDF), in Vietnamese or English. */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public byte[] report(String communeCode, String periodText, String format, Locale locale) {
        CallerIdentity caller = caller();
        AdministrativeUnit commune = scoped.commune(caller, communeCode);
        Period period = Period.parse(periodText);
        CommuneDashboard dashboard = dashboard(commune, period);
        ProgressReport report = new ProgressReport(dashboard, locale, caller.username());
        if ("pdf".equalsIgnoreCase(format)) {
            return report.pdf();
        }
        if ("xlsx".equalsIgnoreCase(format)) {
            return report.xlsx();
        }
        throw ProblemException.invalid("format", "Format is xlsx or pdf");
    }

    /** The communes a commune-scoped caller works in (all communes for province roles), for the screens' choice. */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public List<ProgressRepository.UnitLine> communes() {
        CallerIdentity caller = caller();
        LocalDate today = Period.today();
        return progress.unitsDuring(today, today).stream()
                .filter(u -> UnitLevel.COMMUNE.name().equals(u.level()))
                .filter(u -> caller.communeScope() == null || caller.communeScope().contains(u.code()))
                .toList();
    }

    /**
     * The day whose map a period's report shows: its last day, or today for a period still running. A report of a
     * period before a reorganization shows the units as they were; one that spans it shows the new units, and the
     * ended ones (empty) with the code of the unit that continues them.
     */
    static LocalDate asOf(Period period) {
        LocalDate today = Period.today();
        return period.last().isBefore(today) ? period.last() : today;
    }

    private UnitProgress tree(AdministrativeUnit unit, Period period, boolean laggardsFirst) {
        List<ProgressRepository.UnitLine> all = unit.getLevel() == UnitLevel.COMMUNE
                ? progress.villagesOf(unit.getId(), period.first(), asOf(period))
                : progress.unitsDuring(period.first(), asOf(period));
        Map<Long, List<ProgressRepository.UnitLine>> children = new HashMap<>();
        for (ProgressRepository.UnitLine u : all) {
            if (u.parentId() != null) {
                children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
            }
        }
        List<Long> villageIds = villagesBelow(unit.getId(), unit.getLevel().name(), children);
        Instant until = Period.startOf(period.end());
        List<ProgressRepository.Window> windows = List.of(new ProgressRepository.Window(null, until),
                new ProgressRepository.Window(period.from(), until));
        boolean whole = unit.getLevel() == UnitLevel.PROVINCE;
        Map<Long, long[]> counts = progress.createdByVillage(whole ? null : villageIds, windows);
        Map<Long, int[]> quotas = progress.quotas(period.quotaYear(), whole ? null : villageIds);
        ProgressRepository.UnitLine self = new ProgressRepository.UnitLine(unit.getId(), unit.getCode(),
                unit.getName(), unit.getLevel().name(), null, null);
        List<UnitProgress> rows = new ArrayList<>();
        switch (unit.getLevel()) {
            case PROVINCE, DISTRICT -> {
                for (ProgressRepository.UnitLine c : communesBelow(unit.getId(), children)) {
                    rows.add(sum(c, villagesBelow(c.id(), c.level(), children), counts, quotas, List.of()));
                }
            }
            case COMMUNE -> {
                for (ProgressRepository.UnitLine v : children.getOrDefault(unit.getId(), List.of())) {
                    if (UnitLevel.VILLAGE.name().equals(v.level())) {
                        rows.add(sum(v, List.of(v.id()), counts, quotas, List.of()));
                    }
                }
            }
            default -> {
            }
        }
        Comparator<UnitProgress> order = laggardsFirst
                ? Comparator.comparing((UnitProgress p) -> p.percent() == null ? Double.MAX_VALUE : p.percent())
                        .thenComparing(UnitProgress::code)
                : Comparator.comparing(UnitProgress::code);
        rows.sort(order);
        return sum(self, villageIds, counts, quotas, rows);
    }

    private static UnitProgress sum(ProgressRepository.UnitLine unit, List<Long> villageIds, Map<Long, long[]> counts,
                                    Map<Long, int[]> quotas, List<UnitProgress> children) {
        long population = 0;
        long quota = 0;
        long created = 0;
        long inPeriod = 0;
        for (Long v : villageIds) {
            int[] q = quotas.get(v);
            if (q != null) {
                population += q[0];
                quota += q[1];
            }
            long[] c = counts.get(v);
            if (c != null) {
                created += c[0];
                inPeriod += c[1];
            }
        }
        return new UnitProgress(unit.id(), unit.code(), unit.name(), unit.level(), population, quota, created,
                inPeriod, UnitProgress.percent(created, quota), children, unit.continuedBy());
    }

    private static List<ProgressRepository.UnitLine> communesBelow(long unitId,
                                                                   Map<Long, List<ProgressRepository.UnitLine>> tree) {
        List<ProgressRepository.UnitLine> communes = new ArrayList<>();
        for (ProgressRepository.UnitLine child : tree.getOrDefault(unitId, List.of())) {
            if (UnitLevel.COMMUNE.name().equals(child.level())) {
                communes.add(child);
            } else if (UnitLevel.DISTRICT.name().equals(child.level())) {
                communes.addAll(communesBelow(child.id(), tree));
            }
        }
        return communes;
    }

    private static List<Long> villagesBelow(long unitId, String level,
                                            Map<Long, List<ProgressRepository.UnitLine>> tree) {
        if (UnitLevel.VILLAGE.name().equals(level)) {
            return List.of(unitId);
        }
        List<Long> villages = new ArrayList<>();
        for (ProgressRepository.UnitLine child : tree.getOrDefault(unitId, List.of())) {
            villages.addAll(villagesBelow(child.id(), child.level(), tree));
        }
        return villages;
    }

    CommuneDashboard dashboard(AdministrativeUnit commune, Period period) {
        LocalDate today = Period.today();
        Instant now = Instant.now();
        LocalDate lastDay = period.last().isBefore(today) ? period.last() : today;
        Period thisWeek = Period.week(lastDay);
        List<LocalDate> weekStarts = new ArrayList<>();
        for (int i = WEEKS - 1; i >= 0; i--) {
            weekStarts.add(thisWeek.first().minusWeeks(i));
        }
        Instant until = Period.startOf(lastDay.plusDays(1));
        if (until.isAfter(now)) {
            until = now.plusMillis(1);
        }
        List<ProgressRepository.Window> windows = new ArrayList<>();
        windows.add(new ProgressRepository.Window(null, until));
        windows.add(new ProgressRepository.Window(Period.startOf(thisWeek.first()), until));
        windows.add(new ProgressRepository.Window(Period.startOf(lastDay.plusDays(1).minusDays(PACE_DAYS)), until));
        windows.add(new ProgressRepository.Window(period.from(), until));
        for (LocalDate start : weekStarts) {
            Instant weekEnd = Period.startOf(start.plusWeeks(1));
            windows.add(new ProgressRepository.Window(Period.startOf(start), weekEnd.isAfter(until) ? until : weekEnd));
        }
        List<ProgressRepository.UnitLine> villages = progress.villagesOf(commune.getId(), period.first(),
                asOf(period));
        List<Long> ids = villages.stream().map(ProgressRepository.UnitLine::id).toList();
        Map<Long, long[]> counts = progress.createdByVillage(ids, windows);
        Map<Long, int[]> quotas = progress.quotas(period.quotaYear(), ids);
        List<CommuneDashboard.Line> lines = new ArrayList<>();
        long[] total = new long[windows.size()];
        long totalPopulation = 0;
        long totalQuota = 0;
        for (ProgressRepository.UnitLine v : villages) {
            long[] c = counts.getOrDefault(v.id(), new long[windows.size()]);
            int[] q = quotas.getOrDefault(v.id(), new int[2]);
            for (int i = 0; i < c.length; i++) {
                total[i] += c[i];
            }
            totalPopulation += q[0];
            totalQuota += q[1];
            lines.add(line(v.id(), v.code(), v.name(), q[0], q[1], c, lastDay));
        }
        CommuneDashboard.Line sum = line(commune.getId(), commune.getCode(), commune.getName(), totalPopulation,
                totalQuota, total, lastDay);
        return new CommuneDashboard(commune.getId(), commune.getCode(), commune.getName(), period.quotaYear(), today,
                period, weekStarts, sum, lines);
    }

    private static CommuneDashboard.Line line(long id, String code, String name, long population, long quota,
                                              long[] c, LocalDate lastDay) {
        long created = c[0];
        long[] weekly = new long[WEEKS];
        long[] cumulative = new long[WEEKS];
        System.arraycopy(c, 4, weekly, 0, WEEKS);
        long after = 0;
        for (int i = WEEKS - 1; i >= 0; i--) {
            cumulative[i] = created - after;
            after += weekly[i];
        }
        double perWeek = c[2] * 7.0 / PACE_DAYS;
        boolean met = quota > 0 && created >= quota;
        LocalDate forecast = null;
        if (met) {
            forecast = null;
        } else if (quota > 0 && c[2] > 0) {
            double perDay = c[2] / (double) PACE_DAYS;
            forecast = lastDay.plusDays((long) Math.ceil((quota - created) / perDay));
        }
        return new CommuneDashboard.Line(id, code, name, population, quota, created,
                UnitProgress.percent(created, quota), c[1], c[3], weekly, cumulative,
                Math.round(perWeek * 10) / 10.0, forecast, met);
    }

    private CallerIdentity caller() {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        return caller;
    }
}
