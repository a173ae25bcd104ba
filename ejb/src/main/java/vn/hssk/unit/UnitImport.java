package vn.hssk.unit;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.TextFolding;
import vn.hssk.unit.UnitImportReport.Outcome;

/**
 * Decides, line by line and before anything is written, what an import of units means against the province's
 * current units: which lines are new, which change a unit (and what), which change nothing, and which are wrong and
 * why. The rules are those of {@link AdministrativeUnit} (codes per level, parents of the right level, types of the
 * level) plus the file's own: a code once per file, the province itself only under its own code, a parent that is
 * a current unit or a good line of the same file.
 */
public final class UnitImport {

    /** A current unit of the province, as the import compares against it. */
    public record Existing(long id, String code, String name, UnitLevel level, String type, String parentCode) {
    }

    /** A line that passed, with what to write. {@code existingId} is null for a new unit. */
    public record Change(UnitFile.Line line, Long existingId, UnitLevel level, String name, String typeKey,
                         String parentCode, LocalDate validFrom) {
    }

    /** The outcome of every line and the changes the good lines ask for. */
    public record Plan(List<UnitImportReport.Row> rows, List<Change> changes) {
        public boolean hasErrors() {
            return rows.stream().anyMatch(r -> r.outcome() == Outcome.ERROR);
        }
    }

    private static final DateTimeFormatter VN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private UnitImport() {
    }

    public static Plan plan(String tenantCode, List<UnitFile.Line> lines, List<Existing> current, LocalDate today) {
        Map<String, Existing> existing = new HashMap<>();
        current.forEach(e -> existing.put(e.code(), e));
        Map<String, Checked> byCode = new HashMap<>();
        List<Checked> checked = new ArrayList<>();
        for (UnitFile.Line line : lines) {
            Checked c = checkAlone(tenantCode, line, today, existing.get(line.code()));
            if (!c.line.code().isEmpty()) {
                if (byCode.containsKey(c.line.code())) {
                    c.errors.add("code " + c.line.code() + " appears already on line "
                            + byCode.get(c.line.code()).line.number());
                } else {
                    byCode.put(c.line.code(), c);
                }
            }
            checked.add(c);
        }
        List<Checked> ordered = new ArrayList<>(checked);
        ordered.sort(Comparator.comparing((Checked c) -> c.level == null ? UnitLevel.VILLAGE : c.level));
        for (Checked c : ordered) {
            if (c.errors.isEmpty()) {
                checkParent(c, existing, byCode);
            }
            if (c.errors.isEmpty()) {
                compare(c, existing.get(c.line.code()));
            }
        }
        List<UnitImportReport.Row> rows = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (Checked c : checked) {
            UnitFile.Line l = c.line;
            rows.add(new UnitImportReport.Row(l.number(), l.code(), l.name(), l.type(), l.parentCode(), c.outcome(),
                    List.copyOf(c.errors.isEmpty() ? c.notes : c.errors)));
            if (c.errors.isEmpty() && c.outcome() != Outcome.UNCHANGED) {
                Existing e = existing.get(l.code());
                changes.add(new Change(l, e == null ? null : e.id(), c.level, l.name(), c.type.key(),
                        emptyToNull(l.parentCode()), c.validFrom));
            }
        }
        return new Plan(rows, changes);
    }

    private static final class Checked {
        final UnitFile.Line line;
        final List<String> errors = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        UnitLevel level;
        UnitType type;
        LocalDate validFrom;
        boolean isNew;

        Checked(UnitFile.Line line) {
            this.line = line;
        }

        Outcome outcome() {
            if (!errors.isEmpty()) {
                return Outcome.ERROR;
            }
            return isNew ? Outcome.NEW : notes.isEmpty() ? Outcome.UNCHANGED : Outcome.CHANGED;
        }
    }

    private static Checked checkAlone(String tenantCode, UnitFile.Line line, LocalDate today, Existing same) {
        Checked c = new Checked(line);
        if (line.code().isEmpty()) {
            c.errors.add("code is required");
        }
        if (line.name().isEmpty()) {
            c.errors.add("name is required");
        } else if (line.name().length() > 200) {
            c.errors.add("name is longer than 200 characters");
        }
        c.level = level(line, c.errors);
        if (c.level != null) {
            c.type = UnitType.parse(line.type(), c.level);
            if (c.type == null) {
                c.errors.add("type '" + line.type() + "' is not a type of level " + c.level);
            }
            if (c.level == UnitLevel.PROVINCE) {
                if (!line.code().equals(tenantCode)) {
                    c.errors.add("code " + line.code() + " is another province; this province is " + tenantCode);
                }
                if (!line.parentCode().isEmpty()) {
                    c.errors.add("a province has no parent");
                }
            } else if (!line.code().isEmpty() && !codeFits(line.code(), c.level, line.parentCode())
                    && !keptByAReorganization(same, c.level, line.parentCode())) {
                c.errors.add("code of a " + c.level.name().toLowerCase(Locale.ROOT) + " is "
                        + AdministrativeUnit.codeRule(c.level) + "; got " + line.code());
            }
        }
        c.validFrom = today;
        if (!line.validFrom().isEmpty()) {
            try {
                c.validFrom = line.validFrom().contains("/") ? LocalDate.parse(line.validFrom(), VN_DATE)
                        : LocalDate.parse(line.validFrom());
            } catch (DateTimeParseException e) {
                c.errors.add("valid_from '" + line.validFrom() + "' is not a date (dd/MM/yyyy or yyyy-MM-dd)");
            }
        }
        return c;
    }

    private static UnitLevel level(UnitFile.Line line, List<String> errors) {
        if (!line.level().isEmpty()) {
            try {
                return UnitLevel.valueOf(TextFolding.fold(line.level()).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("level '" + line.level() + "' is not one of PROVINCE, DISTRICT, COMMUNE, VILLAGE");
                return null;
            }
        }
        UnitType type = UnitType.parse(line.type(), null);
        if (type != null) {
            return type.level();
        }
        if (UnitType.parse(line.type(), UnitLevel.DISTRICT) == UnitType.THANH_PHO) {
            return line.code().length() == 2 ? UnitLevel.PROVINCE : UnitLevel.DISTRICT;
        }
        errors.add(line.type().isEmpty() ? "type is required" : "type '" + line.type() + "' is unknown");
        return null;
    }

    /**
     * A village keeps its code when a reorganization moves it to another commune, so its code may begin with the
     * code of the commune it was made in: such a line names the unit as it already is, and is no new code to check.
     */
    private static boolean keptByAReorganization(Existing same, UnitLevel level, String parentCode) {
        return same != null && same.level() == level && same.parentCode() != null
                && same.parentCode().equals(parentCode);
    }

    private static boolean codeFits(String code, UnitLevel level, String parentCode) {
        try {
            AdministrativeUnit.checkCode(code, level, parentCode);
            return true;
        } catch (ProblemException e) {
            return false;
        }
    }

    private static void checkParent(Checked c, Map<String, Existing> existing, Map<String, Checked> byCode) {
        if (c.level == UnitLevel.PROVINCE) {
            return;
        }
        String parentCode = c.line.parentCode();
        if (parentCode.isEmpty()) {
            c.errors.add("parent_code is required for a " + c.level.name().toLowerCase(Locale.ROOT));
            return;
        }
        Checked inFile = byCode.get(parentCode);
        UnitLevel parentLevel;
        if (inFile != null) {
            if (!inFile.errors.isEmpty()) {
                c.errors.add("its parent " + parentCode + " (line " + inFile.line.number() + ") has errors");
                return;
            }
            parentLevel = inFile.level;
        } else if (existing.containsKey(parentCode)) {
            parentLevel = existing.get(parentCode).level();
        } else {
            c.errors.add("parent " + parentCode + " is neither a current unit nor a line of this file");
            return;
        }
        if (!c.level.mayBeChildOf(parentLevel)) {
            c.errors.add("a " + c.level.name().toLowerCase(Locale.ROOT) + " cannot sit under a "
                    + parentLevel.name().toLowerCase(Locale.ROOT) + " (" + parentCode + ")");
        }
    }

    private static void compare(Checked c, Existing e) {
        if (e == null) {
            if (c.level == UnitLevel.PROVINCE) {
                c.errors.add("the province unit is missing; it is created at onboarding");
            }
            c.isNew = true;
            return;
        }
        if (e.level() != c.level) {
            c.errors.add("code " + e.code() + " is a current " + e.level().name().toLowerCase(Locale.ROOT)
                    + ", not a " + c.level.name().toLowerCase(Locale.ROOT));
            return;
        }
        if (!e.name().equals(c.line.name())) {
            c.notes.add("name: " + e.name() + " → " + c.line.name());
        }
        if (!Objects.equals(e.type(), c.type.key())) {
            c.notes.add("type: " + UnitType.labelOf(e.type()) + " → " + c.type.label());
        }
        if (c.level != UnitLevel.PROVINCE && !Objects.equals(e.parentCode(), c.line.parentCode())) {
            c.notes.add("parent: " + e.parentCode() + " → " + c.line.parentCode());
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
