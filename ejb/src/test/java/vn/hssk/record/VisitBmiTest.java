package vn.hssk.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class VisitBmiTest {

    @Test
    void bmiIsWeightOverHeightInMetresSquaredToOneDecimal() {
        assertEquals(new BigDecimal("25.0"), Visit.bmi(new BigDecimal("160"), new BigDecimal("64")));
        assertEquals(new BigDecimal("22.9"), Visit.bmi(new BigDecimal("172.5"), new BigDecimal("68.2")));
        assertEquals(new BigDecimal("14.1"), Visit.bmi(new BigDecimal("51"), new BigDecimal("3.66")));
    }

    @Test
    void noBmiWithoutBothHeightAndWeight() {
        assertNull(Visit.bmi(null, new BigDecimal("64")));
        assertNull(Visit.bmi(new BigDecimal("160"), null));
    }
}
