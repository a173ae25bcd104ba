package vn.hssk.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
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
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(value);
            }
            if (value.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                return LocalDate.parse(value, DMY);
            }
            if (value.matches("\\d{1,6}(\\.0+)?")) {
                return EXCEL_EPOCH.plusDays(Long.parseLong(value.replaceAll("\\..*", "")));
            }
        } catch (DateTimeParseException e) {
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
        String folded = TextFolding.fold(value).replaceAll("[/,;_-]", " ").replaceAll(" +", " ").strip();
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
