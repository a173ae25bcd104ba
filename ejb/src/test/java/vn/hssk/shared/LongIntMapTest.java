package vn.hssk.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongIntMapTest {

    @Test
    void keepsTheFirstValueOfEveryKeyAcrossGrowth() {
        LongIntMap map = new LongIntMap();
        Map<Long, Integer> expected = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            long key = random.nextLong() % 50_000;
            Integer before = expected.putIfAbsent(key, i);
            assertEquals(before == null ? -1 : before, map.putIfAbsent(key, i, -1));
        }
        assertEquals(expected.size(), map.size());
        expected.forEach((k, v) -> assertEquals(v, map.get(k, -1)));
        assertEquals(-7, map.get(123_456_789L, -7));
    }

    @Test
    void refusesTheReservedKey() {
        assertThrows(IllegalArgumentException.class, () -> new LongIntMap().putIfAbsent(Long.MIN_VALUE, 1, -1));
    }
}
