package vn.hssk.imports;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.hssk.household.MemberRelation;
import vn.hssk.household.Sex;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.TextFolding;

/**
 * The values of a resident list's cells as the import reads them (sex, date of birth, relation to the head of the
 * household, in the words registers use), and the rule that tells the same person from another one under the same
 * personal ID: the name (folded, so spelling of marks, case and spaces do not count), the date of birth and the sex
 * must agree, or the row is an identity conflict and is never applied.
 */
public final class PersonValues {

    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern RELATION_PUNCTUATION = Pattern.compile("[/,;_-]");
    private static final Pattern SPACES = Pattern.compile(" +");
    private static final Pattern SPREADSHEET_DAY = Pattern.compile("(\\d{1,6})(\\.0+)?");
    private static final Map<String, MemberRelation> RELATIONS = Map.ofEntries(
            Map.entry("chu ho", MemberRelation.HEAD), Map.entry("head", MemberRelation.HEAD),
            Map.entry("vo", MemberRelation.SPOUSE), Map.entry("chong", MemberRelation.SPOUSE),
            Map.entry("vo chong", MemberRelation.SPOUSE), Map.entry("spouse", MemberRelation.SPOUSE),
            Map.entry("con", MemberRelation.CHILD), Map.entry("con trai", MemberRelation.CHILD),
            Map.entry("con gai", MemberRelation.CHILD), Map.entry("con nuoi", MemberRelation.CHILD),
            Map.entry("child", MemberRelation.CHILD),
            Map.entry("cha", MemberRelation.PARENT), Map.entry("me", MemberRelation.PARENT),
            Map.entry("bo", MemberRelation.PARENT), Map.entry("cha me", MemberRelation.PARENT),
            Map.entry("bo me", MemberRelation.PARENT), Map.entry("parent", MemberRelation.PARENT),
            Map.entry("ong", MemberRelation.GRANDPARENT), Map.entry("ba", MemberRelation.GRANDPARENT),
            Map.entry("ong ba", MemberRelation.GRANDPARENT), Map.entry("ong noi", MemberRelation.GRANDPARENT),
            Map.entry("ba noi", MemberRelation.GRANDPARENT), Map.entry("ong ngoai", MemberRelation.GRANDPARENT),
            Map.entry("ba ngoai", MemberRelation.GRANDPARENT), Map.entry("grandparent", MemberRelation.GRANDPARENT),
            Map.entry("chau", MemberRelation.GRANDCHILD), Map.entry("chau noi", MemberRelation.GRANDCHILD),
            Map.entry("chau ngoai", MemberRelation.GRANDCHILD), Map.entry("grandchild", MemberRelation.GRANDCHILD),
            Map.entry("anh", MemberRelation.SIBLING), Map.entry("chi", MemberRelation.SIBLING),
            Map.entry("em", MemberRelation.SIBLING), Map.entry("anh chi em", MemberRelation.SIBLING),
            Map.entry("anh trai", MemberRelation.SIBLING), Map.entry("chi gai", MemberRelation.SIBLING),
            Map.entry("em trai", MemberRelation.SIBLING), Map.entry("em gai", MemberRelation.SIBLING),
            Map.entry("sibling", MemberRelation.SIBLING),
            Map.entry("con dau", MemberRelation.CHILD_IN_LAW), Map.entry("con re", MemberRelation.CHILD_IN_LAW),
            Map.entry("con dau con re", MemberRelation.CHILD_IN_LAW),
            Map.entry("child in law", MemberRelation.CHILD_IN_LAW),
            Map.entry("khac", MemberRelation.OTHER), Map.entry("other", MemberRelation.OTHER));

    private PersonValues() {
    }

    public static Sex sex(String value, List<FieldError> errors) {
        if (value == null) {
            errors.add(FieldError.coded("sex", "required", "Sex is required", "sex"));
            return null;
        }
        return switch (TextFolding.fold(value)) {
            case "nam", "male", "m", "trai" -> Sex.MALE;
            case "nu", "female", "f", "gai" -> Sex.FEMALE;
            default -> {
                errors.add(FieldError.coded("sex", "import.sex", "Sex is Nam/Nữ or male/female, not '" + value + "'",
                        value));
                yield null;
            }
        };
    }

    public static LocalDate date(String value, List<FieldError> errors) {
        if (value == null) {
            errors.add(FieldError.coded("birthDate", "required", "Date of birth is required", "birthDate"));
            return null;
        }
        try {
            if (ISO_DATE.matcher(value).matches()) {
                return LocalDate.parse(value);
            }
            Matcher dmy = DAY_MONTH_YEAR.matcher(value);
            if (dmy.matches()) {
                // As the strict d/M/uuuu pattern reads it (31/02 refused), without a formatter's cost on every row.
                return LocalDate.of(Integer.parseInt(dmy.group(3)), Integer.parseInt(dmy.group(2)),
                        Integer.parseInt(dmy.group(1)));
            }
            Matcher serial = SPREADSHEET_DAY.matcher(value);
            if (serial.matches()) {
                return EXCEL_EPOCH.plusDays(Long.parseLong(serial.group(1)));
            }
        } catch (DateTimeException e) {
            // reported below
        }
        errors.add(FieldError.coded("birthDate", "import.birthDate", "Date of birth must be dd/MM/yyyy or yyyy-MM-dd,"
                + " not '" + value + "'", value));
        return null;
    }

    /** The relation to the head as registers write it (chủ hộ, vợ, con, cháu...) or the enum's name; null if blank. */
    public static MemberRelation relation(String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        String folded = SPACES.matcher(RELATION_PUNCTUATION.matcher(TextFolding.fold(value)).replaceAll(" "))
                .replaceAll(" ").strip();
        MemberRelation relation = RELATIONS.get(folded);
        if (relation == null) {
            for (MemberRelation r : MemberRelation.values()) {
                if (r.name().equalsIgnoreCase(value.strip())) {
                    return r;
                }
            }
            errors.add(FieldError.coded("relationToHead", "import.relation", "Relation to the head is chủ hộ, vợ,"
                    + " chồng, con, cha, mẹ, ông, bà, cháu, anh, chị, em, con dâu, con rể or khác, not '" + value
                    + "'", value));
        }
        return relation;
    }

    /** Whether a row and a record under the same personal ID describe the same person. */
    public static boolean sameIdentity(String rowName, Sex rowSex, LocalDate rowBorn, String recordName,
                                       Sex recordSex, LocalDate recordBorn) {
        return TextFolding.fold(rowName).equals(TextFolding.fold(recordName)) && rowSex == recordSex
                && Objects.equals(rowBorn, recordBorn);
    }
}
