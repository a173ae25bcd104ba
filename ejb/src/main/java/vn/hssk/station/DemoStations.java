package vn.hssk.station;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.jboss.logging.Logger;
import vn.hssk.unit.AdministrativeUnit;

/**
 * The demo stations of the embedded stack: Quảng Đại's station with its staff (one of them signs in as
 * {@code th-quangdai-staff}) and a station for Quảng Hùng in Thanh Hóa (38), Ninh Kiều's station in Cần Thơ (92). The
 * caller binds the tenant ({@code TenantContext.callAs}) after the demo units exist; nothing happens if the province
 * already has stations or lacks the demo communes.
 */
@Stateless
public class DemoStations {

    private static final Logger LOG = Logger.getLogger(DemoStations.class);
    private static final String ACTOR = "demo";

    @Inject
    private StationRepository stations;

    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void ensure(String tenantCode) {
        if (stations.countStations() > 0) {
            return;
        }
        switch (tenantCode) {
            case "38" -> {
                HealthStation quangDai = station("16279", new StationDetails("Trạm Y tế xã Quảng Đại", "38279",
                        "Thôn Huệ Nghiêm, xã Quảng Đại, tỉnh Thanh Hóa", "0237382279",
                        "Thứ Hai – Thứ Sáu 7:00–17:00; trực 24/7"), tenantCode);
                if (quangDai != null) {
                    staff(quangDai, "Lê Văn Hùng", StaffPosition.HEAD, "001234/TH-CCHN", "0912345601", null);
                    staff(quangDai, "Nguyễn Thị Lan", StaffPosition.NURSE, "002345/TH-CCHN", "0912345602",
                            "th-quangdai-staff");
                    staff(quangDai, "Trần Thị Hoa", StaffPosition.MIDWIFE, "003456/TH-CCHN", "0912345603", null);
                    staff(quangDai, "Phạm Văn Minh", StaffPosition.ASSISTANT_DOCTOR, null, "+84912345604", null);
                }
                station("16282", new StationDetails("Trạm Y tế xã Quảng Hùng", "38282",
                        "Xã Quảng Hùng, tỉnh Thanh Hóa", "0237382282", "7:00–17:00"), tenantCode);
            }
            case "92" -> station("31117", new StationDetails("Trạm Y tế phường Ninh Kiều", "92117",
                    "Phường Ninh Kiều, thành phố Cần Thơ", "0292392117", "7:00–17:00"), tenantCode);
            default -> {
            }
        }
    }

    private HealthStation station(String communeCode, StationDetails details, String tenantCode) {
        AdministrativeUnit commune = stations.currentCommune(communeCode).orElse(null);
        if (commune == null) {
            LOG.warnf("Demo stations of %s: no commune %s, skipped", tenantCode, communeCode);
            return null;
        }
        HealthStation station = HealthStation.main(details, commune, tenantCode, ACTOR);
        stations.add(station);
        return station;
    }

    private void staff(HealthStation station, String name, StaffPosition position, String licence, String phone,
                       String username) {
        stations.add(new StationStaff(station, new StaffDetails(name, position, licence, phone, username,
                LocalDate.of(2025, 7, 1)), ACTOR));
    }
}
