package vn.hssk.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CatalogsTest {

    @Test
    void thirtyFourProvincesWithTwoDigitCodes() {
        List<CSVRecord> provinces = Catalogs.read(Catalogs.PROVINCES);
        assertEquals(34, provinces.size());
        assertTrue(provinces.stream().allMatch(r -> TenantCode.isValid(r.get("code"))));
        assertTrue(provinces.stream().anyMatch(r -> r.get("code").equals("38") && r.get("name").equals("Thanh Hóa")));
    }

    @Test
    void epiScheduleRowsKeepQuotedFields() {
        List<CSVRecord> rows = Catalogs.read(Catalogs.EPI_SCHEDULE);
        assertTrue(rows.size() > 20);
        assertTrue(rows.stream().allMatch(r -> !r.get("antigen").isBlank() && r.isConsistent()));
    }

    @Test
    void fiftyFourEthnicGroupsWithTheirTwoDigitCodesAndTheReligions() {
        List<CSVRecord> groups = Catalogs.read(Catalogs.ETHNICITIES);
        assertEquals(54, groups.size());
        assertEquals("Kinh", groups.get(0).get("name"));
        assertEquals("01", groups.get(0).get("code"));
        assertEquals("Rơ-măm", groups.get(53).get("name"));
        assertEquals(54, groups.stream().map(r -> r.get("code")).distinct().count());
        List<CSVRecord> religions = Catalogs.read(Catalogs.RELIGIONS);
        assertTrue(religions.stream().anyMatch(r -> r.get("name").equals("Phật giáo")));
        assertEquals(religions.size(), religions.stream().map(r -> r.get("code")).distinct().count());
    }
}
