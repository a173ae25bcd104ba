package vn.hssk.immunization;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.hssk.household.Sex;

/**
 * Who needs which dose in a month, computed from each child's birth date, the routine schedule in force and the doses
 * already recorded: for each vaccine series the next dose not recorded is due on the later of its recommended age
 * and the previous dose plus the minimum interval. A dose due before the month is OVERDUE, in the month DUE, in the
 * next month UPCOMING; later ones are not listed. Nothing is stored: the list follows the records as they change.
 */
public final class DueList {

    public enum Status {
        OVERDUE,
        DUE,
        UPCOMING
    }

    /** A person the list considers. */
    public record Child(long personId, String fullName, Sex sex, LocalDate birthDate, long villageId,
                        String villageCode, String villageName) {
    }

    /** The next dose of one series for one child. */
    public record Entry(Child child, String vaccineCode, String vaccineName, int doseNumber, String doseLabel,
                        LocalDate dueDate, LocalDate earliestDate, Status status, String vaccineNameVi) {

        /** The vaccine's name for a reader of {@code locale} (Vietnamese unless English, as {@link Vaccine#name}). */
        public String vaccineName(java.util.Locale locale) {
            boolean english = locale != null && "en".equals(locale.getLanguage());
            return english || vaccineNameVi == null ? vaccineName : vaccineNameVi;
        }
    }

    private DueList() {
    }

    /**
     * @param doses per person, per vaccine id, the recorded (live) dose numbers and their dates
     */
    public static List<Entry> entries(List<Child> children, Map<Long, Map<Long, Map<Integer, LocalDate>>> doses,
                                      List<ScheduleDose> schedule, YearMonth month) {
        return entries(children, doses, schedule, month, month.plusMonths(1).atEndOfMonth());
    }

    /** The next dose of every series of one child, however far ahead, earliest first. */
    public static List<Entry> next(Child child, Map<Long, Map<Integer, LocalDate>> doses, List<ScheduleDose> schedule,
                                   YearMonth month) {
        List<Entry> all = new ArrayList<>(entries(List.of(child), Map.of(child.personId(), doses), schedule, month,
                LocalDate.MAX));
        all.sort(Comparator.comparing(Entry::dueDate));
        return all;
    }

    private static List<Entry> entries(List<Child> children, Map<Long, Map<Long, Map<Integer, LocalDate>>> doses,
                                       List<ScheduleDose> schedule, YearMonth month, LocalDate upcomingLast) {
        Map<Long, List<ScheduleDose>> series = series(schedule);
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        List<Entry> entries = new ArrayList<>();
        for (Child child : children) {
            Map<Long, Map<Integer, LocalDate>> mine = doses.getOrDefault(child.personId(), Map.of());
            for (List<ScheduleDose> rows : series.values()) {
                Map<Integer, LocalDate> given = mine.getOrDefault(rows.get(0).getVaccine().getId(), Map.of());
                ScheduleDose next = rows.stream().filter(r -> !given.containsKey(r.getDoseNumber())).findFirst()
                        .orElse(null);
                if (next == null || !next.isRoutine() || (next.getSex() != null && next.getSex() != child.sex())) {
                    continue;
                }
                LocalDate previous = given.get(next.getDoseNumber() - 1);
                LocalDate due = dueDate(next, child.birthDate(), previous);
                if (due == null || due.isAfter(upcomingLast)) {
                    continue;
                }
                Status status = due.isBefore(first) ? Status.OVERDUE : due.isAfter(last) ? Status.UPCOMING
                        : Status.DUE;
                entries.add(new Entry(child, next.getVaccine().getCode(), next.getVaccine().getName(),
                        next.getDoseNumber(), next.getDoseLabel(), due, earliest(next, child.birthDate(), previous),
                        status, next.getVaccine().getNameVi()));
            }
        }
        entries.sort(Comparator.comparing((Entry e) -> e.child().villageCode())
                .thenComparing(e -> e.child().fullName()).thenComparing(e -> e.child().personId())
                .thenComparing(Entry::dueDate).thenComparing(Entry::vaccineCode));
        return entries;
    }

    /** Routine series that start with an age-based dose, each sorted by dose number. */
    static Map<Long, List<ScheduleDose>> series(List<ScheduleDose> schedule) {
        Map<Long, List<ScheduleDose>> byVaccine = new LinkedHashMap<>();
        schedule.stream().filter(s -> s.getVaccine().isActive())
                .sorted(Comparator.comparing((ScheduleDose s) -> s.getVaccine().getId())
                        .thenComparingInt(ScheduleDose::getDoseNumber))
                .forEach(s -> byVaccine.computeIfAbsent(s.getVaccine().getId(), k -> new ArrayList<>()).add(s));
        byVaccine.values().removeIf(rows -> !rows.get(0).isAgeBased() || !rows.get(0).isRoutine());
        return byVaccine;
    }

    static LocalDate dueDate(ScheduleDose dose, LocalDate birth, LocalDate previous) {
        LocalDate due = null;
        if (dose.getRecommendedAge() != null) {
            due = dose.getRecommendedAge().after(birth);
        } else if (dose.getMinimumAge() != null) {
            due = dose.getMinimumAge().after(birth);
        }
        if (dose.getMinInterval() != null && previous != null) {
            LocalDate after = dose.getMinInterval().after(previous);
            due = due == null || after.isAfter(due) ? after : due;
        }
        if (due == null && dose.getDoseNumber() > 1 && previous == null) {
            return null;
        }
        return due;
    }

    static LocalDate earliest(ScheduleDose dose, LocalDate birth, LocalDate previous) {
        LocalDate earliest = dose.getMinimumAge() == null ? birth : dose.getMinimumAge().after(birth);
        if (dose.getMinInterval() != null && previous != null) {
            LocalDate after = dose.getMinInterval().after(previous);
            earliest = after.isAfter(earliest) ? after : earliest;
        }
        return earliest;
    }

    /** The oldest age (in months) at which any routine age-based dose is recommended: older people need none. */
    static int oldestAgeMonths(List<ScheduleDose> schedule) {
        int oldest = 0;
        for (List<ScheduleDose> rows : series(schedule).values()) {
            for (ScheduleDose r : rows) {
                AgeSpan a = r.getRecommendedAge() != null ? r.getRecommendedAge() : r.getMinimumAge();
                if (a != null) {
                    oldest = Math.max(oldest, a.months() + (a.days() + 30) / 31);
                }
            }
        }
        return oldest;
    }
}
