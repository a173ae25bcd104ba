package vn.hssk.consult;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The parts of the 831 record a station can share with a hospital: A (administrative), B (history and risk factors),
 * C (immunization), D (examinations). Stored as their letters, e.g. "A,D".
 */
public enum RecordPart {
    A, B, C, D;

    static String join(Set<RecordPart> parts) {
        return parts.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    static Set<RecordPart> split(String letters) {
        Set<RecordPart> parts = EnumSet.noneOf(RecordPart.class);
        if (letters != null) {
            for (String letter : letters.split(",")) {
                if (!letter.isBlank()) {
                    parts.add(valueOf(letter.strip()));
                }
            }
        }
        return parts;
    }
}
