package vn.hssk.shared;

import java.util.Arrays;

/**
 * A map from long keys to int values in two arrays (open addressing), about 24 bytes an entry instead of the ~80 of
 * a {@code HashMap<Long, Integer>}: an import of a million rows remembers every personal ID and name key it has seen
 * in a few tens of megabytes. Not thread-safe.
 */
public final class LongIntMap {

    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys = new long[1024];
    private int[] values = new int[1024];
    private int size;

    public LongIntMap() {
        Arrays.fill(keys, EMPTY);
    }

    /** The value of {@code key}, or {@code absent}. */
    public int get(long key, int absent) {
        int i = slot(keys, key);
        return keys[i] == key ? values[i] : absent;
    }

    /** Puts {@code value} unless the key is there; answers the value there before, or {@code absent}. */
    public int putIfAbsent(long key, int value, int absent) {
        if (key == EMPTY) {
            throw new IllegalArgumentException("key " + key + " is reserved");
        }
        int i = slot(keys, key);
        if (keys[i] == key) {
            return values[i];
        }
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
        return absent;
    }

    public int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int j = slot(keys, oldKeys[i]);
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
            }
        }
    }

    private static int slot(long[] keys, long key) {
        int mask = keys.length - 1;
        int i = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }
}
