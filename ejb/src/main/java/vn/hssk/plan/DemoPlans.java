package vn.hssk.plan;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;
import vn.hssk.unit.UnitRepository;

/**
 * Demo plans, targets and quotas of the embedded stack. Thanh Hóa (38): the village quotas of Quảng Đại (seed 002:
 * Huệ Nghiêm 1,180 · Hòa Đông 1,001 · Kênh Lâm 884 · Thủ Phú 2,381 · Phú Xá 1,773) for 2024 and again for the
 * current year so the dashboard shows live progress, the commune's 2024 plan with its two phases, the provincial plan
 * whose task list is seed 001's appendix, and two targets. Cần Thơ (92): the share of the population with a record
 * from 12 % to 82 % (2023–2025). The caller binds the tenant ({@code TenantContext.callAs}); a province that already
 * has plans is left alone.
 */
@Stateless
public class DemoPlans {

    private static final Logger LOG = Logger.getLogger(DemoPlans.class);
    private static final String ACTOR = "demo";
    private static final String[] QUANG_DAI = {"16279-01", "16279-02", "16279-03", "16279-04", "16279-05"};
    private static final int[] QUOTAS = {1180, 1001, 884, 2381, 1773};

    @Inject
    private UnitRepository units;

    @Inject
    private PlanRepository plans;

    @Inject
    private QuotaRepository quotas;

    @Inject
    private TargetRepository targets;

    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void ensure(String tenantCode) {
        if (!plans.all().isEmpty()) {
            return;
        }
        Optional<AdministrativeUnit> province = units.search(null, UnitLevel.PROVINCE, null, null, 0, 1).stream()
                .findFirst();
        if (province.isEmpty()) {
            LOG.warnf("Province %s has no unit tree: no demo plans", tenantCode);
            return;
        }
        if ("38".equals(tenantCode)) {
            thanhHoa(province.get());
        } else if ("92".equals(tenantCode)) {
            target("RECORD_COVERAGE", province.get(), LocalDate.of(2023, 1, 1), LocalDate.of(2025, 12, 31), 12, 82,
                    "KH 12/KH-UBND ngày 16/01/2023: tỷ lệ người dân được quản lý bằng HSSK điện tử");
        }
    }

    private void thanhHoa(AdministrativeUnit province) {
        Plan provincial = new Plan(province, PlanFields.checked(seed001()), ACTOR);
        plans.add(provincial);
        target("STATIONS_USING", province, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), 0, 100,
                "100% trạm y tế sử dụng hệ thống thông tin quản lý trạm (QĐ 3532/QĐ-BYT)");
        Optional<AdministrativeUnit> quangDai = units.findCurrentByCode("16279");
        if (quangDai.isEmpty()) {
            LOG.warn("Demo commune 16279 (Quảng Đại) is missing: no demo quotas");
            return;
        }
        int thisYear = Period.today().getYear();
        for (int i = 0; i < QUANG_DAI.length; i++) {
            Optional<AdministrativeUnit> village = units.findCurrentByCode(QUANG_DAI[i]);
            if (village.isEmpty()) {
                continue;
            }
            quotas.add(new VillageQuota(village.get(), 2024, QUOTAS[i], QUOTAS[i], ACTOR));
            if (thisYear != 2024) {
                quotas.add(new VillageQuota(village.get(), thisYear, QUOTAS[i], QUOTAS[i], ACTOR));
            }
        }
        Plan commune = new Plan(quangDai.get(), PlanFields.checked(seed002()), ACTOR);
        plans.add(commune);
        target("CREATED_RECORDS", quangDai.get(), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), 0, 7219,
                "Đến hết năm 2024: 7.219 người dân được lập hồ sơ sức khỏe điện tử");
    }

    private void target(String indicator, AdministrativeUnit unit, LocalDate from, LocalDate to, int baseline,
                        int value, String note) {
        targets.indicatorByCode(indicator).ifPresent(i -> targets.add(new Target(i, unit, null, from, to,
                BigDecimal.valueOf(baseline), BigDecimal.valueOf(value), note, ACTOR)));
    }

    /** The appendix of seed 001 (KH 182/KH-UBND, 15/5/2023): tasks with lead and coordinating units, deadlines. */
    static PlanDetails seed001() {
        String so = "Sở Y tế";
        return new PlanDetails(
                "Thúc đẩy phát triển và sử dụng các nền tảng số y tế thực hiện chương trình chuyển đổi số quốc gia"
                        + " đến năm 2025, định hướng 2030",
                "182/KH-UBND", LocalDate.of(2023, 5, 15),
                "Thúc đẩy việc số hóa thông tin chăm sóc, bảo vệ sức khỏe nhân dân, thông tin khám bệnh, chữa bệnh"
                        + " để hình thành kho dữ liệu Quốc gia về Y tế và kho dữ liệu về Y tế của tỉnh.",
                LocalDate.of(2023, 1, 1), LocalDate.of(2030, 12, 31),
                List.of(new PlanDetails.Basis("2955/QĐ-BYT", LocalDate.of(2022, 10, 28),
                                "Kế hoạch thúc đẩy phát triển và sử dụng các nền tảng số y tế"),
                        new PlanDetails.Basis("06/QĐ-TTg", LocalDate.of(2022, 1, 6),
                                "Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử"),
                        new PlanDetails.Basis("3532/QĐ-BYT", LocalDate.of(2020, 8, 12),
                                "Hệ thống thông tin quản lý trạm y tế xã, phường, thị trấn")),
                List.of(new PlanDetails.Phase("Giai đoạn 2023 - 2025", LocalDate.of(2023, 1, 1),
                                LocalDate.of(2025, 12, 31)),
                        new PlanDetails.Phase("Giai đoạn 2026 - 2030", LocalDate.of(2026, 1, 1),
                                LocalDate.of(2030, 12, 31))),
                List.of(task(1, "Vận hành, cập nhật, làm sạch dữ liệu Hồ sơ sức khỏe điện tử",
                                "Tiếp tục vận hành, cập nhật dữ liệu HSSK điện tử qua nền tảng trạm y tế xã, hệ thống"
                                        + " khám chữa bệnh, tiêm chủng; làm sạch thông tin công dân gắn với Tổ công tác"
                                        + " Đề án 06.", so, "Công an tỉnh và các đơn vị có liên quan",
                                "31/12/2023: 100% người dân khám chữa bệnh BHYT được làm sạch với CSDL Quốc gia về"
                                        + " Dân cư; quản lý thông tin sức khỏe tại y tế cơ sở đồng bộ.",
                                LocalDate.of(2023, 12, 31), TaskStatus.DONE),
                        task(1, "Hình thành kho dữ liệu Hồ sơ sức khỏe điện tử của tỉnh",
                                "Cơ sở khám chữa bệnh thực hiện đầy đủ dữ liệu khám chữa bệnh theo QĐ 4210/QĐ-BYT,"
                                        + " QĐ 130/QĐ-BYT về kho dữ liệu HSSK điện tử của tỉnh.", so,
                                "Công an tỉnh và các đơn vị có liên quan",
                                "31/12/2024 hình thành kho dữ liệu Hồ sơ sức khỏe điện tử của tỉnh.",
                                LocalDate.of(2024, 12, 31), TaskStatus.IN_PROGRESS),
                        task(1, "Thúc đẩy triển khai các nền tảng số Y tế",
                                "Cập nhật kho dữ liệu HSSK điện tử; triển khai nền tảng trạm y tế xã, khám chữa bệnh,"
                                        + " quản lý tiêm chủng kết nối Sổ sức khỏe điện tử.", so,
                                "Sở Thông tin và Truyền thông, các đơn vị liên quan",
                                "Đến 2024, 100% trạm y tế sử dụng đầy đủ chức năng theo QĐ 3532/QĐ-BYT.",
                                LocalDate.of(2025, 12, 31), TaskStatus.IN_PROGRESS),
                        task(1, "Truyền thông thúc đẩy phát triển và sử dụng các nền tảng số y tế",
                                "Tuyên truyền toàn dân sử dụng Sổ sức khỏe điện tử gắn với truyền thông giáo dục"
                                        + " sức khỏe.", so, "Sở Thông tin và Truyền thông, các đơn vị, cơ quan liên quan",
                                "Đến 31/12/2025, ít nhất 95% dân số dùng điện thoại thông minh sử dụng Sổ sức khỏe"
                                        + " điện tử, Hue-S, VNeID.", LocalDate.of(2025, 12, 31),
                                TaskStatus.IN_PROGRESS),
                        task(1, "Đảm bảo an toàn, an ninh thông tin đối với Hệ thống thông tin HSSK điện tử",
                                "Duy trì đánh giá hệ thống thông tin theo Nghị định 85/2016/NĐ-CP.", so,
                                "Sở Thông tin và Truyền thông, các đơn vị, cơ quan liên quan",
                                "Giấy chứng nhận, biên bản kiểm tra đánh giá phương án an toàn thông tin theo cấp độ.",
                                LocalDate.of(2025, 12, 31), TaskStatus.NOT_STARTED),
                        task(1, "Kiểm tra, đánh giá kết quả thực hiện kế hoạch",
                                "Kiểm tra, đánh giá kết quả triển khai, tháo gỡ khó khăn, vướng mắc.", so,
                                "Các sở, ngành có liên quan", "Các báo cáo kiểm tra, đánh giá định kỳ; hội nghị.",
                                LocalDate.of(2025, 12, 31), TaskStatus.IN_PROGRESS),
                        task(2, "Tăng cường thúc đẩy việc phát triển và sử dụng các nền tảng số Y tế",
                                "Số hóa dữ liệu sức khỏe; bệnh án điện tử; khám chữa bệnh từ xa; thanh toán không"
                                        + " dùng tiền mặt.", so, "Các sở, ngành có liên quan",
                                "Đến 2030, 100% cơ sở y tế triển khai hồ sơ bệnh án điện tử.",
                                LocalDate.of(2030, 12, 31), TaskStatus.NOT_STARTED)));
    }

    /** Quảng Đại's 2024 plan (seed 002): two phases and the tasks of the commune's units. */
    static PlanDetails seed002() {
        return new PlanDetails("Kế hoạch triển khai hồ sơ sức khỏe điện tử năm 2024 trên địa bàn xã Quảng Đại",
                null, null, "Đến hết năm 2024 triển khai hồ sơ sức khỏe điện tử đạt 7.219 người dân được lập hồ sơ.",
                LocalDate.of(2024, 7, 1), LocalDate.of(2024, 12, 31),
                List.of(new PlanDetails.Basis("06/QĐ-TTg", LocalDate.of(2022, 1, 6), "Đề án 06"),
                        new PlanDetails.Basis("2955/QĐ-BYT", LocalDate.of(2022, 10, 28), null),
                        new PlanDetails.Basis("3451/KH-UBND", LocalDate.of(2023, 7, 24),
                                "Lập hồ sơ sức khỏe điện tử trên địa bàn thành phố Sầm Sơn đến năm 2025")),
                List.of(new PlanDetails.Phase("Giai đoạn 1: phần A, điều tra phần B", LocalDate.of(2024, 7, 1),
                                LocalDate.of(2024, 8, 31)),
                        new PlanDetails.Phase("Giai đoạn 2: phần B, C, D", LocalDate.of(2024, 8, 1),
                                LocalDate.of(2024, 11, 30))),
                List.of(task(1, "Cập nhật thông tin hành chính (phần A)", "Từ CSDL dân cư do Công an xã cung cấp",
                                "Tổ nhập liệu", "Công an xã", "Phần A của mọi người dân", LocalDate.of(2024, 8, 31),
                                TaskStatus.DONE),
                        task(1, "Điều tra hộ gia đình theo phần B", "Tổ điều tra tại các thôn", "Tổ điều tra 5 thôn",
                                "Văn phòng UBND, Trạm Y tế", "Phiếu điều tra phần B", LocalDate.of(2024, 8, 31),
                                TaskStatus.DONE),
                        task(2, "Nhập phần B, C, D", "Theo phiếu điều tra; tiêm chủng, khám lâm sàng, cận lâm sàng",
                                "Tổ nhập liệu", "Trạm Y tế", "Hồ sơ đủ phần B, C, D", LocalDate.of(2024, 11, 30),
                                TaskStatus.IN_PROGRESS),
                        task(null, "Tuyên truyền lợi ích của hồ sơ sức khỏe điện tử", null, "Văn hóa – Xã hội",
                                "Trạm Y tế, Tổ nhập liệu", "Người dân chủ động cập nhật hồ sơ",
                                LocalDate.of(2024, 12, 31), TaskStatus.IN_PROGRESS),
                        task(null, "Bảo đảm kinh phí thực hiện", null, "Kế toán ngân sách", "Các đơn vị liên quan",
                                "Kinh phí đủ cho kế hoạch", LocalDate.of(2024, 7, 31), TaskStatus.DONE)));
    }

    private static PlanDetails.Task task(Integer phase, String name, String content, String lead,
                                         String coordinating, String expected, LocalDate deadline,
                                         TaskStatus status) {
        return new PlanDetails.Task(null, phase, name, content, lead, coordinating, expected, deadline, status);
    }
}
