package vn.hssk.imports;

import java.util.List;
import java.util.Map;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * Which column of a list of past doses holds which value. The national immunization information system exports
 * {@code so_dinh_danh, ho_ten, ma_vac_xin, mui, ngay_tiem, ma_co_so, so_lo}; offices rename them, so headers are
 * matched as a resident list's are ({@link ListColumns}: without diacritics, case or punctuation), in
 * Vietnamese or English, and a caller may name the header of any field explicitly ({@code dose:Mui thu,date:Ngay}),
 * which wins. The report names a row's errors by these fields' names.
 */
public final class DoseColumns {

    /** The values a list of doses carries, by the names the report gives their errors. */
    public enum Field implements ListColumns.Column {
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
        private final List<String> headers;

        Field(String apiName, boolean required, String... headers) {
            this.apiName = apiName;
            this.required = required;
            this.headers = List.of(headers);
        }

        @Override
        public String apiName() {
            return apiName;
        }

        @Override
        public boolean isRequired() {
            return required;
        }

        @Override
        public List<String> knownHeaders() {
            return headers;
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
        return new DoseColumns(ListColumns.resolve(Field.class, headers, mapping,
                pair -> FieldError.coded("mapping", "import.doseMapping",
                        "mapping is field:header pairs separated by commas, with fields among personalId, fullName,"
                        + " vaccine, dose, date, facility, lot, overrideReason; not '" + pair + "'", pair),
                field -> FieldError.coded("file", "import.doseMissingColumns",
                        "The header has no column for " + field
                        + " (e.g. so_dinh_danh, ma_vac_xin, mui, ngay_tiem, ma_co_so; or personal_id, vaccine, dose,"
                        + " date, facility); name them with the mapping parameter", field)));
    }

    /** The column (0-based) each field takes by its header alone, before any mapping; required fields may lack one. */
    public static Map<Field, Integer> detect(List<String> headers) {
        return ListColumns.detect(Field.class, headers);
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
}
