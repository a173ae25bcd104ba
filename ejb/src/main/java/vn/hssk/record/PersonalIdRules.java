package vn.hssk.record;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.hssk.household.Sex;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * The rules of the personal identification number (số định danh cá nhân) as DOMAIN.md states them: 12 digits with no
 * check digit = 3-digit province of birth registration + century/sex digit (0/1 male/female 1900s, 2/3 2000s, 4/5
 * 2100s) + 2-digit year of birth + 6 digits. Length and the agreement of the century/sex digit and year with the
 * entered sex and date of birth are hard rules; a province prefix missing from the (frozen, pre-2025) list is only a
 * warning for review, because the list is no longer maintained.
 */
public final class PersonalIdRules {

    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

    private PersonalIdRules() {
    }

    /**
     * Every hard error of {@code id} for a person of {@code sex} born on {@code birthDate} (either may be unknown): a
     * century/sex digit above 5, a sex and a birth year that disagree with it are each reported, so a form learns all
     * that is wrong with the number at once.
     */
    public static List<FieldError> errors(String field, String id, Sex sex, LocalDate birthDate) {
        if (id == null || !TWELVE_DIGITS.matcher(id).matches()) {
            return List.of(FieldError.coded(field, "personalId.length", "Personal ID must be exactly 12 digits"));
        }
        int centuryDigit = id.charAt(3) - '0';
        if (centuryDigit > 5) {
            return List.of(FieldError.coded(field, "personalId.century",
                    "The 4th digit of the personal ID (century and sex) must be 0 to 5, not " + centuryDigit,
                    centuryDigit));
        }
        List<FieldError> errors = new ArrayList<>(2);
        Sex encodedSex = centuryDigit % 2 == 0 ? Sex.MALE : Sex.FEMALE;
        int year = encodedYear(id);
        if (sex != null && sex != encodedSex) {
            errors.add(FieldError.coded(field, "personalId.sex", "The 4th digit of the personal ID ("
                    + centuryDigit + ") is for a " + encodedSex.name().toLowerCase() + ", but the sex entered is "
                    + sex.name().toLowerCase(), centuryDigit, encodedSex, sex));
        }
        if (birthDate != null && birthDate.getYear() != year) {
            errors.add(FieldError.coded(field, "personalId.year", "The personal ID encodes the birth year "
                    + year + " (digits 4 to 6), but the date of birth is in " + birthDate.getYear(), year,
                    birthDate.getYear()));
        }
        return List.copyOf(errors);
    }

    /** The birth year a well-formed ID encodes: century from the 4th digit, year of the century from the 5th-6th. */
    static int encodedYear(String id) {
        int centuryDigit = id.charAt(3) - '0';
        return 1900 + (centuryDigit / 2) * 100 + Integer.parseInt(id.substring(4, 6));
    }

    /** Whether {@code id} is 12 digits whose first three are not a known province of birth registration. */
    public static boolean hasUnknownProvince(String id) {
        return provinceWarning("personalId", id).isPresent();
    }

    /**
     * A warning when the first three digits are not a known province of birth registration; no warning for an ID that
     * is not 12 digits (that is an error already).
     */
    public static Optional<FieldError> provinceWarning(String field, String id, Set<String> knownPrefixes) {
        if (id == null || !TWELVE_DIGITS.matcher(id).matches() || knownPrefixes.contains(id.substring(0, 3))) {
            return Optional.empty();
        }
        return Optional.of(FieldError.coded(field, "personalId.province", "The province code " + id.substring(0, 3)
                + " of this personal ID is not in the list of birth-registration provinces; check the number",
                id.substring(0, 3)));
    }

    /** {@link #provinceWarning(String, String, Set)} against the shipped list of birth-registration provinces. */
    public static Optional<FieldError> provinceWarning(String field, String id) {
        return provinceWarning(field, id, BirthProvinces.codes());
    }
}
