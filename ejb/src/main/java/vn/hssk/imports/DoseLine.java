package vn.hssk.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.hssk.imports.DoseColumns.Field;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.TextFolding;

/**
 * The values of one row of a list of past doses, read by {@link DoseColumns}: what is missing or malformed is an
 * error at the row's field, and a cell a resident list would refuse (a control character, a spreadsheet formula) is
 * refused here the same way ({@link PersonCells}), since its text would end up in part C. Dates are read as resident
 * lists read them ({@link PersonValues#date}: dd/MM/yyyy, yyyy-MM-dd or an Excel day number); a dose number may be
 * written {@code 2}, {@code Mũi 2} or {@code dose 2}. The schedule's own refusals name the fields of the dose screen
 * ({@code givenOn}, {@code doseNumber}, {@code overrideReason}); {@link #atColumns} says them at this list's fields.
 */
public record DoseLine(String personalId, String fullName, String vaccine, Integer doseNumber, LocalDate givenOn,
                       String facilityCode, String lot, String overrideReason, List<FieldError> errors) {

    /** The longest lot number kept; the dose's place (300 characters) holds the station's name and the lot. */
    static final int LOT_LENGTH = 40;

    private static final Pattern DOSE = Pattern.compile(
            "(?:mui|lieu|dose)?\\s*(?:so|thu|no\\.?)?\\s*(\\d{1,2})(?:\\.0+)?");
    /** The dose screen's fields and the columns of a list that hold the same value. */
    private static final Map<String, Field> SCREEN_FIELDS = Map.of("givenOn", Field.DATE, "doseNumber", Field.DOSE,
            "vaccine", Field.VACCINE, "overrideReason", Field.OVERRIDE_REASON);
    /** The schedule's refusals of a dose too early or too soon: the date is what the list would have to change. */
    private static final Set<String> TOO_EARLY = Set.of("dose.tooEarly", "dose.tooSoon", "dose.tooEarlyAndSoon");

    public DoseLine {
        errors = List.copyOf(errors);
    }

    public static DoseLine read(DoseColumns columns, List<String> cells) {
        List<FieldError> errors = new ArrayList<>();
        Cells row = new Cells(columns, cells, errors);
        String pid = row.required(Field.PERSONAL_ID, "Personal ID");
        String name = row.text(Field.FULL_NAME);
        String vaccine = row.required(Field.VACCINE, "Vaccine");
        Integer dose = doseNumber(row.required(Field.DOSE, "Dose number"), errors);
        LocalDate day = date(row.required(Field.DATE, "Date given"), errors);
        String facility = row.required(Field.FACILITY, "Facility code");
        String lot = row.text(Field.LOT);
        if (lot != null && lot.length() > LOT_LENGTH) {
            errors.add(FieldError.coded(Field.LOT.apiName(), "tooLong", "Lot is at most " + LOT_LENGTH
                    + " characters", Field.LOT.apiName(), LOT_LENGTH));
        }
        String reason = row.text(Field.OVERRIDE_REASON);
        return new DoseLine(pid, name, vaccine, dose, day, facility, lot, reason, errors);
    }

    /** What a report shows as the row's name: the cell as written, its control characters as spaces. */
    static String shownName(DoseColumns columns, List<String> cells) {
        return PersonCells.shown(columns.raw(Field.FULL_NAME, cells));
    }

    /** A dose number as lists write it: {@code 2}, {@code 02}, {@code Mũi 2}, {@code mũi thứ 2}, {@code dose 2}. */
    static Integer doseNumber(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        Matcher m = DOSE.matcher(TextFolding.fold(text).replace("#", ""));
        if (m.matches()) {
            return Integer.valueOf(m.group(1));
        }
        errors.add(FieldError.coded(Field.DOSE.apiName(), "import.doseNumber",
                "Dose number is a whole number from 1 (e.g. 2 or Mũi 2), not '" + text + "'", text));
        return null;
    }

    /** A day given as resident lists write dates of birth; a malformed one is an error at {@code date}. */
    static LocalDate date(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        List<FieldError> malformed = new ArrayList<>(1);
        LocalDate day = PersonValues.date(text, malformed);
        if (!malformed.isEmpty()) {
            errors.add(FieldError.coded(Field.DATE.apiName(), "import.doseDate",
                    "Date given must be dd/MM/yyyy or yyyy-MM-dd, not '" + text + "'", text));
        }
        return day;
    }

    /**
     * The refusals of the schedule check and of the dose itself, each at the column of this list that holds the
     * value: a dose too early or too soon is at {@code date} (the screen asks for a reason there; a list gives one
     * only in an optional {@code overrideReason} column), a dose number unknown to the schedule at {@code dose}. Code, message and arguments stay as the dose screen says
     * them.
     */
    static List<FieldError> atColumns(List<FieldError> screenErrors) {
        return screenErrors.stream().map(e -> {
            Field f = TOO_EARLY.contains(e.code()) ? Field.DATE : SCREEN_FIELDS.get(e.field());
            return f == null ? e : new FieldError(f.apiName(), e.message(), e.code(), e.args());
        }).toList();
    }

    /** The cells of the row as the import may use them, each refused as a resident list's text cell would be. */
    private record Cells(DoseColumns columns, List<String> cells, List<FieldError> errors) {

        String required(Field field, String label) {
            String value = text(field);
            if (value == null && errors.stream().noneMatch(e -> e.field().equals(field.apiName()))) {
                errors.add(FieldError.coded(field.apiName(), "required", label + " is required", field.apiName()));
            }
            return value;
        }

        String text(Field field) {
            String raw = columns.raw(field, cells);
            if (raw == null) {
                return null;
            }
            FieldError refused = PersonCells.refusal(PersonColumns.Field.FULL_NAME, raw);
            if (refused != null) {
                errors.add(new FieldError(field.apiName(), refused.message(), refused.code(),
                        List.of(field.apiName())));
                return null;
            }
            String value = TextFolding.normalize(raw);
            return value.isEmpty() ? null : value;
        }
    }
}
