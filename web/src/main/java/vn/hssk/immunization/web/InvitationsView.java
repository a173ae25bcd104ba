package vn.hssk.immunization.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hssk.immunization.DueListService;

/**
 * The printable invitation list of a village for a month ({@code ?village=id&month=yyyy-MM}): one block per child
 * with the doses due, overdue or upcoming.
 */
@Named
@RequestScoped
public class InvitationsView {

    @Inject
    private DueListService dueLists;

    private Long village;
    private String month;
    private Map<Long, List<DueRow>> byChild;

    public Map<Long, List<DueRow>> getByChild() {
        if (byChild == null) {
            byChild = new LinkedHashMap<>();
            if (village != null) {
                YearMonth m = null;
                try {
                    m = month == null || month.isBlank() ? null : YearMonth.parse(month.strip());
                } catch (DateTimeParseException ignored) {
                    m = null;
                }
                dueLists.dueList(village, m, Set.of()).stream().map(DueRow::of)
                        .forEach(r -> byChild.computeIfAbsent(r.personId(), k -> new java.util.ArrayList<>()).add(r));
            }
        }
        return byChild;
    }

    public List<List<DueRow>> getChildren() {
        return List.copyOf(getByChild().values());
    }

    public String getVillageName() {
        return getByChild().values().stream().findFirst().map(l -> l.get(0).villageName()).orElse("");
    }

    public Long getVillage() {
        return village;
    }

    public void setVillage(Long village) {
        this.village = village;
    }

    public String getMonth() {
        return month == null || month.isBlank() ? YearMonth.now(vn.hssk.shared.web.Dates.VIETNAM).toString() : month;
    }

    public void setMonth(String month) {
        this.month = month;
    }
}
