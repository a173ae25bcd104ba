package vn.hssk.reorganization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.hssk.shared.ProblemException;
import vn.hssk.unit.UnitLevel;

/**
 * The rules of a reorganization read against a small map: province 1; communes 10 (A), 20 (B), 30 (C); villages 11,
 * 12 under A, 21 under B, 31, 32 under C; A and B each have a main station, B also a sub-site.
 */
class ReorganizationMapTest {

    private static final LocalDate EFFECTIVE = LocalDate.of(2025, 7, 1);
    private static final LocalDate LONG_AGO = LocalDate.of(2020, 1, 1);

    private static final List<ReorganizationMap.Unit> UNITS = List.of(
            unit(1, "38", UnitLevel.PROVINCE, null),
            unit(10, "16001", UnitLevel.COMMUNE, 1L),
            unit(20, "16002", UnitLevel.COMMUNE, 1L),
            unit(30, "16003", UnitLevel.COMMUNE, 1L),
            unit(11, "16001-01", UnitLevel.VILLAGE, 10L),
            unit(12, "16001-02", UnitLevel.VILLAGE, 10L),
            unit(21, "16002-01", UnitLevel.VILLAGE, 20L),
            unit(31, "16003-01", UnitLevel.VILLAGE, 30L),
            unit(32, "16003-02", UnitLevel.VILLAGE, 30L));

    private static final List<ReorganizationMap.Station> STATIONS = List.of(
            new ReorganizationMap.Station(100, "TYT A", 10, null, null),
            new ReorganizationMap.Station(200, "TYT B", 20, null, null),
            new ReorganizationMap.Station(201, "Điểm trạm B2", 20, 200L, null));

    private static ReorganizationMap.Unit unit(long id, String code, UnitLevel level, Long parent) {
        return new ReorganizationMap.Unit(id, code, "Đơn vị " + code, level,
                level == UnitLevel.VILLAGE ? "thon" : level == UnitLevel.COMMUNE ? "xa" : "tinh", parent, LONG_AGO);
    }

    private static ReorganizationMap map(ReorganizationStep... steps) {
        return ReorganizationMap.of(EFFECTIVE, List.of(steps), UNITS, STATIONS, Map.of(31L, 300L, 32L, 100L));
    }

    @Test
    void mergeIntoASurvivorMovesTheEndingCommunesVillagesAndMakesItsStationASubSite() {
        ReorganizationMap map = map(ReorganizationStep.merge(List.of("16001", "16002"), "16001", null, null));
        assertEquals(Map.of(20L, 10L), map.heirs());
        assertEquals(Map.of(21L, 10L), map.villageMoves(), "only the ending commune's villages move");
        assertEquals(Map.of(10L, Set.of(20L)), map.predecessors());
        assertTrue(map.conflicts().isEmpty());
        assertEquals(List.of(new ReorganizationMap.StationChange(200, 10, 100L, 20L),
                new ReorganizationMap.StationChange(201, 10, 100L, 20L)), map.stationChanges(),
                "B's station and its sub-site become sub-sites of A's main station, serving B");
        assertEquals(Map.of(10L, Map.of(10L, 1.0), 20L, Map.of(10L, 1.0)), map.shares());
    }

    @Test
    void mergeIntoANewCommuneWithTwoMainStationsIsAConflictUntilOneIsNamed() {
        ReorganizationMap open = map(ReorganizationStep.merge(List.of("16001", "16002"), "16009", "Phường Mới",
                "phường"));
        assertEquals(1, open.newCommunes().size());
        assertEquals("phuong", open.newCommunes().get(0).type());
        assertEquals(Map.of(10L, -1L, 20L, -1L), open.heirs());
        assertEquals(List.of("reorg.twoMains"), open.conflicts().stream().map(e -> e.code()).toList());

        ReorganizationMap named = map(new ReorganizationStep(ReorganizationStep.Kind.MERGE_COMMUNES,
                List.of("16001", "16002"), "16009", "Phường Mới", "phường", 200L, null, null, false, null));
        assertTrue(named.conflicts().isEmpty());
        assertTrue(named.stationChanges().contains(new ReorganizationMap.StationChange(200, -1, null, null)));
        assertTrue(named.stationChanges().contains(new ReorganizationMap.StationChange(100, -1, 200L, 10L)));
    }

    @Test
    void splitSharesTargetsByThePeopleOfTheVillagesEachPartReceives() {
        ReorganizationMap map = map(new ReorganizationStep(ReorganizationStep.Kind.SPLIT_COMMUNE, List.of("16003"),
                null, null, null, null, null, List.of(
                        ReorganizationStep.move(List.of("16003-01"), "16001", null, null),
                        ReorganizationStep.move(List.of("16003-02"), "16002", null, null)), false, null));
        assertEquals(Map.of(31L, 10L, 32L, 20L), map.villageMoves());
        assertEquals(10L, map.heirs().get(30L), "the first part takes the station and the staff");
        assertEquals(0.75, map.shares().get(30L).get(10L), 1e-9);
        assertEquals(0.25, map.shares().get(30L).get(20L), 1e-9);

        UnitCounts.TargetRow target = new UnitCounts.TargetRow(1, 7, 30, null, LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), BigDecimal.ZERO, new BigDecimal("400"), false);
        List<TargetMerge.Merged> merged = TargetMerge.merge(map, List.of(target), Map.of(30L, 400L));
        assertEquals(2, merged.size());
        assertEquals(0, new BigDecimal("300").compareTo(merged.get(0).value()), merged::toString);
        assertEquals(0, new BigDecimal("100").compareTo(merged.get(1).value()), merged::toString);
    }

    @Test
    void aSplitThatLeavesAVillageBehindIsRefusedWithTheFieldNamed() {
        ProblemException e = assertThrows(ProblemException.class, () -> map(new ReorganizationStep(
                ReorganizationStep.Kind.SPLIT_COMMUNE, List.of("16003"), null, null, null, null, null,
                List.of(ReorganizationStep.move(List.of("16003-01"), "16001", null, null)), false, null)));
        assertEquals("steps[0].parts", e.errors().get(0).field());
        assertEquals("reorg.villagesLeft", e.errors().get(0).code());
    }

    @Test
    void percentTargetsAreTheirPeopleWeightedMeanAndCountsTheirSum() {
        ReorganizationMap map = map(ReorganizationStep.merge(List.of("16001", "16002"), "16001", null, null));
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2025, 12, 31);
        List<UnitCounts.TargetRow> targets = List.of(
                new UnitCounts.TargetRow(1, 5, 10, 9L, from, to, BigDecimal.ZERO, new BigDecimal("90"), true),
                new UnitCounts.TargetRow(2, 5, 20, null, from, to, BigDecimal.ZERO, new BigDecimal("60"), true),
                new UnitCounts.TargetRow(3, 6, 10, 9L, from, to, BigDecimal.ZERO, new BigDecimal("100"), false),
                new UnitCounts.TargetRow(4, 6, 20, null, from, to, BigDecimal.ZERO, new BigDecimal("50"), false));
        List<TargetMerge.Merged> merged = TargetMerge.merge(map, targets, Map.of(10L, 300L, 20L, 100L));
        assertEquals(2, merged.size());
        assertEquals(0, new BigDecimal("82.5").compareTo(merged.get(0).value()), "(90×300 + 60×100) / 400");
        assertEquals(9L, merged.get(0).planId(), "the survivor's plan stays with the target");
        assertEquals(0, new BigDecimal("150").compareTo(merged.get(1).value()));
        assertTrue(TargetMerge.conflicts(map, targets).isEmpty());
    }

    @Test
    void targetsThatEndOnDifferentDaysOrBeginLaterAreConflicts() {
        ReorganizationMap map = map(ReorganizationStep.merge(List.of("16001", "16002"), "16001", null, null));
        List<UnitCounts.TargetRow> targets = List.of(
                new UnitCounts.TargetRow(1, 5, 10, null, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
                        BigDecimal.ZERO, BigDecimal.TEN, false),
                new UnitCounts.TargetRow(2, 5, 20, null, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31),
                        BigDecimal.ZERO, BigDecimal.TEN, false),
                new UnitCounts.TargetRow(3, 6, 20, null, EFFECTIVE, LocalDate.of(2025, 12, 31),
                        BigDecimal.ZERO, BigDecimal.TEN, false));
        assertEquals(List.of("reorg.targetPeriods", "reorg.targetStartsLater"),
                TargetMerge.conflicts(map, targets).stream().map(e -> e.code()).toList());
    }

    @Test
    void villagesMergeIntoANewVillageAndTwoQuotasOfAYearAreAddedUpOnlyWhenAsked() {
        ReorganizationMap map = map(ReorganizationStep.mergeVillages(List.of("16001-01", "16001-02"), "16001-09",
                "Thôn Mới", "thôn", false));
        assertEquals(Map.of(11L, -1_000_001L, 12L, -1_000_001L), map.villageMerges());
        assertEquals("16001-09", map.codeOf(-1_000_001L));
        assertEquals(List.of(10L), map.communesInvolved());
        List<UnitCounts.QuotaRow> quotas = List.of(new UnitCounts.QuotaRow(1, 11, 2025, 500, 400),
                new UnitCounts.QuotaRow(2, 12, 2025, 300, 200), new UnitCounts.QuotaRow(3, 12, 2026, 310, 210));
        assertEquals(List.of("reorg.quotaTwice"), QuotaMerge.conflicts(map, quotas).stream().map(e -> e.code())
                .toList());

        ReorganizationMap summed = map(ReorganizationStep.mergeVillages(List.of("16001-01", "16001-02"),
                "16001-09", "Thôn Mới", "thôn", true));
        assertTrue(QuotaMerge.conflicts(summed, quotas).isEmpty());
        assertEquals(List.of(new QuotaMerge.Change(1, 99, 800, 600), new QuotaMerge.Change(2, 12, 0, 0),
                new QuotaMerge.Change(3, 99, 310, 210)), QuotaMerge.changes(summed, quotas, x -> x < 0 ? 99 : x),
                "2025's quotas are added into one row (the other kept at zero); 2026's moves");
    }

    @Test
    void villagesOfTwoCommunesOrAMalformedNewCodeCannotMerge() {
        assertEquals("reorg.villagesSameCommune", assertThrows(ProblemException.class, () -> map(
                ReorganizationStep.mergeVillages(List.of("16001-01", "16002-01"), "16001-01", null, null, false)))
                .errors().get(0).code());
        assertEquals("steps[0].code", assertThrows(ProblemException.class, () -> map(
                ReorganizationStep.mergeVillages(List.of("16001-01", "16001-02"), "16002-09", "Thôn", "thôn", false)))
                .errors().get(0).field());
    }

    @Test
    void aUnitNamedByTwoStepsOrAChangeBeforeAUnitBeganIsRefused() {
        ProblemException twice = assertThrows(ProblemException.class, () -> map(
                ReorganizationStep.merge(List.of("16001", "16002"), "16001", null, null),
                ReorganizationStep.merge(List.of("16002", "16003"), "16003", null, null)));
        assertEquals("reorg.twice", twice.errors().get(0).code());
        ProblemException early = assertThrows(ProblemException.class, () -> ReorganizationMap.of(LONG_AGO,
                List.of(ReorganizationStep.rename("16001", "Phường A", "phường")), UNITS, STATIONS, Map.of()));
        assertEquals("reorg.tooEarly", early.errors().get(0).code());
        ProblemException type = assertThrows(ProblemException.class, () -> map(
                ReorganizationStep.rename("16001", null, "thôn")));
        assertEquals("steps[0].type", type.errors().get(0).field());
    }

    private static ReorganizationStep splitVillage(String source, String part, String name, List<String> households) {
        ReorganizationStep p = new ReorganizationStep(null, null, part, name, name == null ? null : "thôn", null, null,
                null, false, households);
        return new ReorganizationStep(ReorganizationStep.Kind.SPLIT_VILLAGE, List.of(source), null, null, null, null,
                null, List.of(p), false, null);
    }

    @Test
    void aVillageSplitSendsTheNamedHouseholdsToANewOrAnotherVillageOfItsCommune() {
        ReorganizationMap map = map(splitVillage("16001-01", "16001-05", "Thôn Mới", List.of("H1", "H2")));
        assertEquals(1, map.newVillages().size());
        long made = map.newVillages().get(0).tempId();
        assertEquals(List.of(new ReorganizationMap.VillageSplit(11, made, List.of("H1", "H2"))), map.villageSplits());
        assertEquals(Map.of(made, Set.of(11L)), map.predecessors(), "the new village came from the old one");
        assertEquals(List.of(10L), map.communesInvolved());
        assertTrue(map.villageMerges().isEmpty() && map.villageMoves().isEmpty(), "the village itself stays");

        ReorganizationStep step = splitVillage("16001-01", "16001-05", "Thôn Mới", List.of("H1", "H2"));
        assertEquals(List.of(step), ReorganizationStep.fromJson(ReorganizationStep.toJson(List.of(step))),
                "a split is stored and read back whole, its parts without a kind");
        ReorganizationMap existing = map(splitVillage("16001-01", "16001-02", null, List.of("H1")));
        assertEquals(List.of(new ReorganizationMap.VillageSplit(11, 12, List.of("H1"))), existing.villageSplits());
    }

    @Test
    void aVillageSplitIsRefusedIntoAnotherCommuneWithoutHouseholdsOrWithOneTwice() {
        ProblemException other = assertThrows(ProblemException.class,
                () -> map(splitVillage("16001-01", "16002-01", null, List.of("H1"))));
        assertEquals("reorg.splitVillagePart", other.errors().get(0).code());
        ProblemException none = assertThrows(ProblemException.class,
                () -> map(splitVillage("16001-01", "16001-05", "Thôn Mới", List.of())));
        assertEquals("steps[0].parts[0].households", none.errors().get(0).field());
        ProblemException twice = assertThrows(ProblemException.class,
                () -> map(splitVillage("16001-01", "16001-05", "Thôn Mới", List.of("H1", "H1"))));
        assertEquals("reorg.householdTwice", twice.errors().get(0).code());
    }
}
