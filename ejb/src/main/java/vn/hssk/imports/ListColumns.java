package vn.hssk.imports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.TextFolding;

/**
 * How every list the product reads finds its columns: a header matches a field's known headers without diacritics,
 * case or punctuation, in Vietnamese or English, and a caller may name the header of any field explicitly
 * ({@code field:header,field:header}), which wins. Each kind of list ({@link PersonColumns}, {@link DoseColumns})
 * brings its fields and the sentences of its refusals.
 */
final class ListColumns {

    /** A field a list may carry: its name in the API and the report, whether it is required, its known headers. */
    interface Column {
        String apiName();

        boolean isRequired();

        List<String> knownHeaders();
    }

    private ListColumns() {
    }

    /** The column (0-based) each field takes by its header alone, before any mapping. */
    static <F extends Enum<F> & Column> Map<F, Integer> detect(Class<F> type, List<String> headers) {
        Map<F, Integer> index = new EnumMap<>(type);
        for (int i = 0; i < headers.size(); i++) {
            String header = normalize(headers.get(i));
            for (F f : type.getEnumConstants()) {
                if (f.knownHeaders().contains(header)) {
                    index.putIfAbsent(f, i);
                    break;
                }
            }
        }
        return index;
    }

    /**
     * The columns of {@code headers} after {@code mapping} (may be blank). Refused with the field {@code mapping} when
     * the mapping is malformed ({@code badPair}, given the pair) or names a header the file lacks, with the field
     * {@code file} when a required field has no column ({@code missing}, given the fields' names).
     */
    static <F extends Enum<F> & Column> Map<F, Integer> resolve(Class<F> type, List<String> headers, String mapping,
                                                                Function<String, FieldError> badPair,
                                                                Function<String, FieldError> missing) {
        List<String> normal = new ArrayList<>(headers.size());
        headers.forEach(h -> normal.add(normalize(h)));
        Map<F, Integer> index = detect(type, headers);
        for (Map.Entry<F, String> e : parseMapping(type, mapping, badPair).entrySet()) {
            int i = normal.indexOf(normalize(e.getValue()));
            if (i < 0) {
                throw ProblemException.invalid(FieldError.coded("mapping", "import.mappingColumn",
                        "The file has no column '" + e.getValue() + "' for " + e.getKey().apiName(), e.getValue(),
                        e.getKey().apiName()));
            }
            index.values().remove(i);
            index.put(e.getKey(), i);
        }
        List<String> absent = new ArrayList<>();
        for (F f : type.getEnumConstants()) {
            if (f.isRequired() && !index.containsKey(f)) {
                absent.add(f.apiName());
            }
        }
        if (!absent.isEmpty()) {
            throw ProblemException.invalid(missing.apply(String.join(", ", absent)));
        }
        return index;
    }

    /** The field named {@code name} in the API, any case; null when there is none. */
    static <F extends Enum<F> & Column> F byApiName(Class<F> type, String name) {
        for (F f : type.getEnumConstants()) {
            if (f.apiName().equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }

    static String normalize(String header) {
        String s = TextFolding.fold(header == null ? "" : header.replace("\uFEFF", ""));
        return s.replaceAll("[_\\-.:/()]", " ").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private static <F extends Enum<F> & Column> Map<F, String> parseMapping(Class<F> type, String mapping,
                                                                          Function<String, FieldError> badPair) {
        Map<F, String> result = new EnumMap<>(type);
        if (mapping == null || mapping.isBlank()) {
            return result;
        }
        for (String pair : mapping.split(",")) {
            int colon = pair.indexOf(':');
            F f = colon < 0 ? null : byApiName(type, pair.substring(0, colon).strip());
            if (f == null || pair.substring(colon + 1).isBlank()) {
                throw ProblemException.invalid(badPair.apply(pair.strip()));
            }
            result.put(f, pair.substring(colon + 1).strip());
        }
        return result;
    }
}
