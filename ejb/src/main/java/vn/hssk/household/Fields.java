package vn.hssk.household;

import java.time.LocalDate;
import java.util.regex.Pattern;
import vn.hssk.record.PersonalIdRules;
import vn.hssk.shared.FieldCheck;

/**
 * Collects what is wrong with the fields of one request, so a form learns about every bad field at once, and holds
 * the formats households use: the household code, the Vietnamese phone number, the personal ID.
 */
final class Fields extends FieldCheck {

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z-]{1,20}");

    String code(String field, String value) {
        String trimmed = value == null ? "" : value.strip();
        if (!CODE.matcher(trimmed).matches()) {
            fail(field, "Household code must be 1 to 20 letters, digits or '-'");
        }
        return trimmed;
    }

    /**
     * The personal ID, or none; checked by the rules of the personal record itself ({@link PersonalIdRules}), so a
     * member's ID agrees with the sex and the birth year entered exactly as a registered person's must.
     */
    String personalId(String field, String value, Sex sex, LocalDate birthDate) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        addAll(PersonalIdRules.errors(field, trimmed, sex, birthDate));
        return trimmed;
    }
}
