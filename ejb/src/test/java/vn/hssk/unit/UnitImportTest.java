package vn.hssk.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hssk.unit.UnitImportReport.Outcome;

class UnitImportTest {

    private static final List<UnitImport.Existing> CURRENT = List.of(
            new UnitImport.Existing(1, "38", "Thanh Hóa", UnitLevel.PROVINCE, "tinh", null),
            new UnitImport.Existing(2, "16279", "Xã Quảng Đại", UnitLevel.COMMUNE, "xa", "38"),
            new UnitImport.Existing(3, "16279-01", "Thôn Huệ Nghiêm", UnitLevel.VILLAGE, "thon", "16279"),
            new UnitImport.Existing(4, "16282", "Xã Quảng Hùng", UnitLevel.COMMUNE, "xa", "38"),
            new UnitImport.Existing(5, "16282-02", "Thôn Đông", UnitLevel.VILLAGE, "thon", "16279"));

    private static UnitImport.Plan plan(String csv) {
        return UnitImport.plan("38", UnitFile.read(csv.getBytes(StandardCharsets.UTF_8), UnitFile.Format.CSV),
                CURRENT, LocalDate.of(2026, 1, 1));
    }

    private static Outcome outcome(UnitImport.Plan plan, int line) {
        return plan.rows().stream().filter(r -> r.line() == line).findFirst().orElseThrow().outcome();
    }

    @Test
    void newChangedUnchangedAndErrorsLineByLine() {
        UnitImport.Plan plan = plan("""
                mã,tên,loại,mã cha
                16279,Xã Quảng Đại,Xã,38
                16279-01,Thôn Huệ Nghiêm Mới,thôn,16279
                16290,Phường Mới,phường,38
                16290-01,Tổ dân phố 1,tổ dân phố,16290
                1629,Xã Sai Mã,xã,38
                16291-01,Thôn Mồ Côi,thôn,16291
                16292,Xã Lạ,làng,38
                """);
        assertEquals(Outcome.UNCHANGED, outcome(plan, 2));
        assertEquals(Outcome.CHANGED, outcome(plan, 3));
        assertEquals(Outcome.NEW, outcome(plan, 4));
        assertEquals(Outcome.NEW, outcome(plan, 5), "a parent may be a line of the same file, even a later one");
        assertEquals(Outcome.ERROR, outcome(plan, 6), "a commune code is five digits");
        assertEquals(Outcome.ERROR, outcome(plan, 7), "unknown parent");
        assertEquals(Outcome.ERROR, outcome(plan, 8), "a village type on a commune code under a province");
        assertTrue(plan.hasErrors());
        assertEquals(3, plan.changes().size());
    }

    @Test
    void aVillageAReorganizationMovedKeepsItsCodeUnderItsNewCommuneButANewOneFollowsTheRule() {
        UnitImport.Plan plan = plan("""
                code,name,type,parent_code
                16282-02,Thôn Đông,thôn,16279
                16282-03,Thôn Tây,thôn,16279
                """);
        assertEquals(Outcome.UNCHANGED, outcome(plan, 2), "the export of a merged commune reads back unchanged");
        assertEquals(Outcome.ERROR, outcome(plan, 3));
    }

    @Test
    void aChildOfABadLineIsBadTooAndCodesAppearOnce() {
        UnitImport.Plan plan = plan("""
                code,name,type,parent_code
                16300,,xã,38
                16300-01,Thôn A,thôn,16300
                16301,Xã B,xã,38
                16301,Xã B lần hai,xã,38
                """);
        assertEquals(Outcome.ERROR, outcome(plan, 2));
        assertEquals(Outcome.ERROR, outcome(plan, 3));
        assertEquals(Outcome.NEW, outcome(plan, 4));
        assertEquals(Outcome.ERROR, outcome(plan, 5));
    }

    @Test
    void anotherProvinceAndWrongLevelsAreRefused() {
        UnitImport.Plan plan = plan("""
                code,name,type,parent_code
                92,Cần Thơ,thành phố,
                16279,Thôn Quảng Đại,thôn,38
                16302-01,Thôn C,thôn,38
                """);
        assertEquals(Outcome.ERROR, outcome(plan, 2));
        assertEquals(Outcome.ERROR, outcome(plan, 3));
        assertEquals(Outcome.ERROR, outcome(plan, 4));
    }

    @Test
    void anExportReadsBackUnchanged() {
        byte[] file = UnitFile.write(List.of(
                new UnitFile.Entry("38", "Thanh Hóa", "tỉnh", null, UnitLevel.PROVINCE, null, null),
                new UnitFile.Entry("16279", "Xã Quảng Đại", "xã", "38", UnitLevel.COMMUNE, null, null),
                new UnitFile.Entry("16279-01", "Thôn Huệ Nghiêm", "thôn", "16279", UnitLevel.VILLAGE, null, null)),
                UnitFile.Format.XLSX);
        UnitImport.Plan plan = UnitImport.plan("38", UnitFile.read(file, UnitFile.Format.XLSX), CURRENT,
                LocalDate.of(2026, 1, 1));
        assertEquals(3, plan.rows().size());
        plan.rows().forEach(r -> assertEquals(Outcome.UNCHANGED, r.outcome(), r::toString));
    }
}
