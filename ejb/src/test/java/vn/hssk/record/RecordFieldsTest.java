package vn.hssk.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RecordFieldsTest {

    @Test
    void bhytTakesTheTenDigitNumberOrTheLastTenOfAnOldCard() {
        assertEquals("0123456789", RecordFields.bhxhNumber("0123456789"));
        assertEquals("0123456789", RecordFields.bhxhNumber("HS4010123456789"));
        assertEquals("0123456789", RecordFields.bhxhNumber("hs4 01 0123456789"));
        assertNull(RecordFields.bhxhNumber("HS6010123456789"), "benefit level is 1 to 5");
        assertNull(RecordFields.bhxhNumber("012345678"));
        assertNull(RecordFields.bhxhNumber("H14010123456789"));
    }

    @Test
    void aBadBhytNumberIsAnErrorOnItsField() {
        RecordFields fields = new RecordFields();
        fields.bhyt("bhytNumber", "12345");
        try {
            fields.throwIfAny();
        } catch (vn.hssk.shared.ProblemException e) {
            assertEquals("bhytNumber", e.field());
            return;
        }
        throw new AssertionError("a 5-digit BHYT number was accepted");
    }

    @Test
    void phonesAreKeptWithALeadingZero() {
        RecordFields fields = new RecordFields();
        assertEquals("0912345678", fields.phone("phone", "+84 912 345 678"));
        assertEquals("0912345678", fields.phone("phone", "0912.345.678"));
        assertNull(fields.phone("phone", " "));
    }
}
