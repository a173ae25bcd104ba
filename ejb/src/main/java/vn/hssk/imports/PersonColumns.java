package vn.hssk.imports;

import java.util.List;
import java.util.Map;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * Which column of a resident list holds which part-A field. Lists come from different offices with their own
 * headers, so headers are matched without diacritics, case, or punctuation, in Vietnamese or English (the police
 * population register's snake-case {@code so_dinh_danh, ho_ten, gioi_tinh, ngay_sinh, so_bhxh, dan_toc, ma_xa, thon,
 * ma_ho, quan_he_chu_ho, so_dien_thoai, dia_chi} included; its {@code thon} holds the village's name, which the import
 * matches like a code); a caller may name the header of any field explicitly ({@code fullName:Ho va ten,personalId:So CCCD}), which wins.
 */
public final class PersonColumns {

    /** The part-A fields a list may carry, by the API's field names. */
    public enum Field implements ListColumns.Column {
        FULL_NAME("fullName", true, "ho ten", "ho va ten", "ten", "full name", "fullname", "name"),
        SEX("sex", true, "gioi tinh", "gioi", "sex", "gender"),
        BIRTH_DATE("birthDate", true, "ngay sinh", "ngay thang nam sinh", "date of birth", "birth date", "birthdate",
                "dob"),
        PERSONAL_ID("personalId", false, "so dinh danh", "so dinh danh ca nhan", "ma dinh danh", "cccd", "so cccd",
                "can cuoc", "so can cuoc", "can cuoc cong dan", "personal id", "personalid"),
        BHYT_NUMBER("bhytNumber", false, "ma so bhxh", "ma bhxh", "so bhxh", "bhxh", "bhyt", "so the bhyt",
                "ma the bhyt", "ma so bhyt", "bhyt number", "bhytnumber", "social insurance number"),
        PHONE("phone", false, "dien thoai", "so dien thoai", "sdt", "phone", "telephone", "mobile"),
        VILLAGE_CODE("villageCode", true, "ma thon", "ma thon to", "ma ap", "ma to dan pho", "village code",
                "villagecode", "thon", "ten thon", "thon xom", "thon to", "ap", "ten ap", "to dan pho", "village"),
        COMMUNE_CODE("communeCode", false, "ma xa", "ma phuong xa", "ma xa phuong", "commune code", "communecode"),
        HOUSEHOLD_CODE("householdCode", false, "ma ho", "ma ho gia dinh", "so ho", "household code",
                "householdcode"),
        RELATION("relationToHead", false, "quan he chu ho", "quan he voi chu ho", "quan he", "relation to head",
                "relationtohead", "relation"),
        ADDRESS("address", false, "dia chi", "address", "noi o hien tai"),
        ETHNICITY("ethnicity", false, "dan toc", "ethnicity"),
        RELIGION("religion", false, "ton giao", "religion"),
        OCCUPATION("occupation", false, "nghe nghiep", "occupation", "job");

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

    private PersonColumns(Map<Field, Integer> index) {
        this.index = index;
    }

    /**
     * The columns of {@code headers} (the first row of the file); {@code mapping} (may be blank) names headers
     * explicitly. Refused with the field {@code file} when a required field has no column, {@code mapping} when the
     * mapping is malformed or names a header the file lacks.
     */
    public static PersonColumns of(List<String> headers, String mapping) {
        return new PersonColumns(ListColumns.resolve(Field.class, headers, mapping,
                pair -> FieldError.coded("mapping", "import.mapping",
                        "mapping is field:header pairs separated by commas, with"
                        + " fields among fullName, sex, birthDate, personalId, bhytNumber, phone, villageCode,"
                        + " communeCode, householdCode, relationToHead, address, ethnicity, religion, occupation;"
                        + " not '" + pair + "'", pair),
                field -> FieldError.coded("file", "import.missingColumns",
                        "The header has no column for " + field
                        + " (e.g. họ tên, giới tính, ngày sinh, mã thôn; or full name, sex, date of birth, village code);"
                        + " name them with the mapping parameter", field)));
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

    /** The cell of {@code field} in a row, stripped; null when the file has no such column or the cell is blank. */
    public String value(Field field, List<String> cells) {
        Integer i = index.get(field);
        if (i == null || i >= cells.size() || cells.get(i) == null) {
            return null;
        }
        String v = cells.get(i).strip();
        return v.isEmpty() ? null : v;
    }

    public boolean has(Field field) {
        return index.containsKey(field);
    }

    /** The column (0-based) of each mapped field. */
    public Map<Field, Integer> index() {
        return Map.copyOf(index);
    }
}
