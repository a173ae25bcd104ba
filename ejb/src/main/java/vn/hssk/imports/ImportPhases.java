package vn.hssk.imports;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where one run of an import job spends its time, phase by phase, summed over its chunks (a few clock readings a
 * chunk, none a row). The writer logs the sums when the run ends, so that a slow import says what it waited for.
 */
final class ImportPhases {

    private final Map<String, long[]> nanos = new LinkedHashMap<>();
    private long mark = System.nanoTime();

    /** Adds the time since the last mark to {@code phase}, and marks now. */
    void lap(String phase) {
        long now = System.nanoTime();
        nanos.computeIfAbsent(phase, p -> new long[1])[0] += now - mark;
        mark = now;
    }

    /** The phases in the order first seen, as "phase 1,234 ms (12 %)". */
    String summary() {
        long total = nanos.values().stream().mapToLong(n -> n[0]).sum();
        StringBuilder s = new StringBuilder();
        nanos.forEach((phase, n) -> s.append(s.length() == 0 ? "" : ", ").append(phase).append(' ')
                .append(String.format("%,d ms (%d %%)", n[0] / 1_000_000, total == 0 ? 0 : n[0] * 100 / total)));
        return s.toString();
    }
}
