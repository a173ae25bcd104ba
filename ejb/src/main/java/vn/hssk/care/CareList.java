package vn.hssk.care;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import vn.hssk.household.MemberRelation;
import vn.hssk.household.Sex;
import vn.hssk.shared.Numbers;

/**
 * A village's care list on a day: its households (people in no household last, under a {@code null} household), and
 * for each member who is due for something, what: the next doses of the routine schedule that are overdue or coming
 * (the due list's rules), and the programmes of follow-up ({@link CareRules}). Members due for nothing are left out.
 */
public record CareList(long villageId, String villageCode, String villageName, String communeName, LocalDate asOf,
                       List<Household> households) implements Serializable {

    public enum Kind {
        VACCINATION,
        PROGRAMME
    }

    public record Household(Long id, String code, String headName, String address, List<Member> members)
            implements Serializable {
    }

    public record Member(long personId, String fullName, Sex sex, LocalDate birthDate, MemberRelation relation,
                         List<Item> items) implements Serializable {
    }

    /**
     * One thing due: a dose ({@code code} the vaccine's, {@code detail} the dose's label) or a programme ({@code
     * enrolled} false when found by diagnosis or age and not yet enrolled).
     */
    public record Item(Kind kind, String code, String nameVi, String nameEn, String detail, CareRules.Status status,
                       LocalDate dueOn, LocalDate lastContact, boolean enrolled) implements Serializable {

        public String name(Locale locale) {
            return Numbers.english(locale) ? nameEn : nameVi;
        }
    }

    public int memberCount() {
        return households.stream().mapToInt(h -> h.members().size()).sum();
    }

    public long count(Kind kind, String code) {
        return households.stream().flatMap(h -> h.members().stream()).flatMap(m -> m.items().stream())
                .filter(i -> i.kind() == kind && (code == null || code.equals(i.code()))).count();
    }
}
