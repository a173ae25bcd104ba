package vn.hssk.unit;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;

/**
 * The administrative tree of the demo provinces (embedded stack only, {@code hssk.demo=true}). Thanh Hóa gets Quảng
 * Đại with the five villages of seed 002, shown with its history: before the 2025 reform the commune sat under the
 * city of Sầm Sơn (a district, closed on 2025-06-30), after it directly under the province, the new unit naming the
 * old one as predecessor. Commune codes other than Quảng Đại's are illustrative. Runs inside the demo tenant.
 */
@Stateless
public class DemoUnits {

    private static final LocalDate LONG_AGO = LocalDate.of(2000, 1, 1);
    private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    @Inject
    private UnitRepository units;

    @PermitAll
    public void ensure(String tenantCode) {
        AdministrativeUnit province = units.findCurrentByCode(tenantCode).orElseThrow();
        if (!units.search(null, UnitLevel.COMMUNE, null, null, 0, 1).isEmpty()) {
            return;
        }
        if (tenantCode.equals("38")) {
            thanhHoa(province);
        } else if (tenantCode.equals("92")) {
            canTho(province);
        }
    }

    private void thanhHoa(AdministrativeUnit province) {
        AdministrativeUnit samSon = add("382", "Thành phố Sầm Sơn", UnitLevel.DISTRICT, "thanh_pho", province, LONG_AGO);
        AdministrativeUnit oldQuangDai = add("16279", "Xã Quảng Đại", UnitLevel.COMMUNE, "xa", samSon, LONG_AGO);
        oldQuangDai.close(REFORM.minusDays(1), "demo");
        samSon.close(REFORM.minusDays(1), "demo");
        AdministrativeUnit quangDai = add("16279", "Xã Quảng Đại", UnitLevel.COMMUNE, "xa", province, REFORM);
        quangDai.succeed(oldQuangDai);
        String[] villages = {"Thôn Huệ Nghiêm", "Thôn Hòa Đông", "Thôn Kênh Lâm", "Thôn Thủ Phú", "Thôn Phú Xá"};
        for (int i = 0; i < villages.length; i++) {
            add("16279-0" + (i + 1), villages[i], UnitLevel.VILLAGE, "thon", quangDai, REFORM);
        }
        AdministrativeUnit quangHung = add("16282", "Xã Quảng Hùng", UnitLevel.COMMUNE, "xa", province, REFORM);
        add("16282-01", "Thôn Trung Kỳ", UnitLevel.VILLAGE, "thon", quangHung, REFORM);
        add("16282-02", "Thôn Bắc Kỳ", UnitLevel.VILLAGE, "thon", quangHung, REFORM);
        AdministrativeUnit samSonWard = add("16285", "Phường Sầm Sơn", UnitLevel.COMMUNE, "phuong", province, REFORM);
        add("16285-01", "Tổ dân phố Trường Sơn", UnitLevel.VILLAGE, "to_dan_pho", samSonWard, REFORM);
        add("16285-02", "Tổ dân phố Bắc Sơn", UnitLevel.VILLAGE, "to_dan_pho", samSonWard, REFORM);
    }

    private void canTho(AdministrativeUnit province) {
        AdministrativeUnit ninhKieu = add("31117", "Phường Ninh Kiều", UnitLevel.COMMUNE, "phuong", province, REFORM);
        add("31117-01", "Khu vực 1", UnitLevel.VILLAGE, "khu_vuc", ninhKieu, REFORM);
        add("31117-02", "Khu vực 2", UnitLevel.VILLAGE, "khu_vuc", ninhKieu, REFORM);
        AdministrativeUnit caiKhe = add("31120", "Phường Cái Khế", UnitLevel.COMMUNE, "phuong", province, REFORM);
        add("31120-01", "Khu vực 1", UnitLevel.VILLAGE, "khu_vuc", caiKhe, REFORM);
        AdministrativeUnit phongDien = add("31123", "Xã Phong Điền", UnitLevel.COMMUNE, "xa", province, REFORM);
        add("31123-01", "Ấp Nhơn Lộc", UnitLevel.VILLAGE, "ap", phongDien, REFORM);
    }

    private AdministrativeUnit add(String code, String name, UnitLevel level, String type, AdministrativeUnit parent,
                                   LocalDate from) {
        AdministrativeUnit unit = new AdministrativeUnit(code, name, level, type, parent, from, "demo");
        units.add(unit);
        return unit;
    }
}
