package vn.hssk.citizen;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.hssk.record.Person;
import vn.hssk.record.PersonalIdRules;
import vn.hssk.shared.FieldCheck;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;

/**
 * The demo household must pass the record's own rules, or the demo province's later data (immunization, plans) is
 * never loaded: a child past one year without a personal ID once stopped it.
 */
class DemoCitizensTest {

    private static final LocalDate LONG_AGO = LocalDate.of(2000, 1, 1);

    @Test
    void everyDemoMemberIsARecordTheRulesAcceptToday() {
        AdministrativeUnit province = new AdministrativeUnit("38", "Thanh Hóa", UnitLevel.PROVINCE, "TINH", null,
                LONG_AGO, "test");
        AdministrativeUnit commune = new AdministrativeUnit("16279", "Quảng Đại", UnitLevel.COMMUNE, "XA", province,
                LONG_AGO, "test");
        AdministrativeUnit village = new AdministrativeUnit("16279-01", "Huệ Nghiêm", UnitLevel.VILLAGE, "THON",
                commune, LONG_AGO, "test");
        for (DemoCitizens.Member m : DemoCitizens.members(FieldCheck.today())) {
            assertDoesNotThrow(() -> new Person(m.details(1L, "Số 12, xóm 3", 1L), village, "demo"), m.name());
        }
    }

    @Test
    void thePersonalIdsAgreeWithSexAndBirthYearWhateverTheDay() {
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.isBefore(LocalDate.of(2030, 1, 1));
                day = day.plusDays(17)) {
            for (DemoCitizens.Member m : DemoCitizens.members(day)) {
                assertEquals(List.of(), PersonalIdRules.errors("personalId", m.personalId(), m.sex(), m.born()),
                        m.name() + " on " + day);
            }
        }
    }
}
