package vn.hssk.imports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * Which column of a list of past doses holds which value. The national immunization information system exports
 * {@code so_dinh_danh, ho_ten, ma_vac_xin, mui, ngay_tiem, ma_co_so, so_lo}; offices rename them, so headers are
 * matched as a resident list's are ({@link PersonColumns#normalize}: without diacritics, case or punctuation), in
 * Vietnamese or English, and a caller may name the header of any field explicitly ({@code dose:Mui thu,date:Ngay}),
 * which wins. The report names a row's errors by these fields' names.
 */
public final class DoseColumns {

    /** The values a list of doses carries, by the names the report gives their errors. */
    public enum Field {
        PERSONAL_ID("personalId", true, "so dinh danh", "so dinh danh ca nhan", "ma dinh danh", "cccd", "so cccd",
                "can cuoc", "so can cuoc", "personal id", "personalid"),
        FULL_NAME("fullName", false, "ho ten", "ho va ten", "ten", "full name", "fullname", "name"),
        VACCINE("vaccine", true, "ma vac xin", "ma vaccine", "vac xin", "vaccine", "ten vac xin", "loai vac xin",
                "vaccine code", "vaccinecode"),
        DOSE("dose", true, "mui", "mui tiem", "mui thu", "lieu", "lieu thu", "dose", "dose number", "dosenumber"),
        DATE("date", true, "ngay tiem", "ngay tiem chung", "date", "date given", "given on", "givenon"),
        FACILITY("facility", true, "ma co so", "ma co so tiem", "ma co so kcb", "ma cskcb", "co so tiem",
                "facility", "facility code", "facilitycode"),
        LOT("lot", false, "so lo", "lo", "lo vac xin", "lot", "lot number", "lotnumber"),
        OVERRIDE_REASON("overrideReason", false, "ly do tiem khac lich", "ly do", "override reason",
                "overridereason");

        private final String apiName;
        private final boolean required;
        private final String[] headers;

        Field(String apiName, boolean required, String... headers) {
            this.apiName = apiName;
            this.required = required;
            this.headers = headers;
        }

        public String apiName() {
            return apiName;
        }

        public boolean isRequired() {
            return required;
        }

        static Field byApiName(String name) {
            for (Field f : values()) {
                if (f.apiName.equalsIgnoreCase(name)) {
                    return f;
                }
            }
            return null;
        }
    }

    private static final Map<String, Field> KNOWN = new HashMap<>();

    static {
        for (Field f : Field.values()) {
            for (String h : f.headers) {
                KNOWN.put(h, f);
            }
        }
    }

    private final Map<Field, Integer> index;

    private DoseColumns(Map<Field, Integer> index) {
        this.index = index;
    }

    /**
     * The columns of {@code headers} (the first row of the file); {@code mapping} (may be blank) names headers
     * explicitly, as {@code field:header} pairs separated by commas. Refused with the field {@code file} when a
     * required field has no column, {@code mapping} when the mapping is malformed or names a header the file lacks.
     */
    public static DoseColumns of(List<String> headers, String mapping) {
        List<String> normal = new ArrayList<>(headers.size());
        headers.forEach(h -> normal.add(PersonColumns.normalize(h)));
        Map<Field, Integer> index = detect(headers);
        for (Map.Entry<Field, String> e : parseMapping(mapping).entrySet()) {
            int i = normal.indexOf(PersonColumns.normalize(e.getValue()));
            if (i < 0) {
                throw ProblemException.invalid(FieldError.coded("mapping", "import.mappingColumn",
                        "The file has no column '" + e.getValue() + "' for " + e.getKey().apiName(), e.getValue(),
                        e.getKey().apiName()));
            }
            index.values().remove(i);
            index.put(e.getKey(), i);
        }
        List<String> missing = new ArrayList<>();
        for (Field f : Field.values()) {
            if (f.required && !index.containsKey(f)) {
                missing.add(f.apiName());
            }
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(FieldError.coded("file", "import.doseMissingColumns",
                    "The header has no column for " + String.join(", ", missing)
                    + " (e.g. so_dinh_danh, ma_vac_xin, mui, ngay_tiem, ma_co_so; or personal_id, vaccine, dose,"
                    + " date, facility); name them with the mapping parameter", String.join(", ", missing)));
        }
        return new DoseColumns(index);
    }

    /** The column (0-based) each field takes by its header alone, before any mapping; required fields may lack one. */
    public static Map<Field, Integer> detect(List<String> headers) {
        Map<Field, Integer> index = new EnumMap<>(Field.class);
        for (int i = 0; i < headers.size(); i++) {
            Field f = KNOWN.get(PersonColumns.normalize(headers.get(i)));
            if (f != null) {
                index.putIfAbsent(f, i);
            }
        }
        return index;
    }

    /** The cell of {@code field} as it is in the file; null when the file has no such column. */
    public String raw(Field field, List<String> cells) {
        Integer i = index.get(field);
        return i == null || i >= cells.size() ? null : cells.get(i);
    }

    public boolean has(Field field) {
        return index.containsKey(field);
    }

    /** The column (0-based) of each mapped field. */
    public Map<Field, Integer> index() {
        return Map.copyOf(index);
    }

    private static Map<Field, String> parseMapping(String mapping) {
        Map<Field, String> result = new EnumMap<>(Field.class);
        if (mapping == null || mapping.isBlank()) {
            return result;
        }
        for (String pair : mapping.split(",")) {
            int colon = pair.indexOf(':');
            Field f = colon < 0 ? null : Field.byApiName(pair.substring(0, colon).strip());
            if (f == null || pair.substring(colon + 1).isBlank()) {
                throw ProblemException.invalid(FieldError.coded("mapping", "import.doseMapping",
                        "mapping is field:header pairs separated by commas, with fields among personalId, fullName,"
                        + " vaccine, dose, date, facility, lot, overrideReason; not '" + pair.strip() + "'",
                        pair.strip()));
            }
            result.put(f, pair.substring(colon + 1).strip());
        }
        return result;
    }
}
