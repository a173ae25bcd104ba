package vn.hssk.audit.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import vn.hssk.audit.AuditQuery;
import vn.hssk.audit.AuditService;
import vn.hssk.shared.web.Dates;
import vn.hssk.shared.web.ScreenMessages;

/**
 * The audit screen: the lines of one person's record ({@code ?person=id}, the person screen links here), of one user
 * ({@code ?user=name}), within a period, or all of these together; newest first, one page at a time from the
 * database (the trail grows with every read, so it is never loaded whole).
 */
@Named
@ViewScoped
public class AuditView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AuditService audit;

    private Long personId;
    private String username;
    private LocalDate from;
    private LocalDate to;
    private AuditQuery query;

    private final LazyDataModel<AuditRow> lines = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            try {
                return (int) Math.min(Integer.MAX_VALUE, audit.count(query()));
            } catch (RuntimeException e) {
                ScreenMessages.failure(e, "filter");
                return 0;
            }
        }

        @Override
        public List<AuditRow> load(int first, int pageSize, Map<String, SortMeta> sort,
                                   Map<String, FilterMeta> filters) {
            try {
                return audit.search(query(), first, pageSize).stream().map(AuditRow::of).toList();
            } catch (RuntimeException e) {
                ScreenMessages.failure(e, "filter");
                return List.of();
            }
        }

        @Override
        public String getRowKey(AuditRow row) {
            return String.valueOf(row.id());
        }
    };

    /** Applies the filter fields; the table then reloads from its first page. */
    public void search() {
        query = null;
    }

    public void showUser(String name) {
        clear();
        username = name;
    }

    public void showPerson(long id) {
        clear();
        personId = id;
    }

    public void clear() {
        personId = null;
        username = null;
        from = null;
        to = null;
        query = null;
    }

    private AuditQuery query() {
        if (query == null) {
            query = new AuditQuery(personId, username,
                    from == null ? null : from.atStartOfDay(Dates.VIETNAM).toInstant(),
                    to == null ? null : to.plusDays(1).atStartOfDay(Dates.VIETNAM).toInstant());
        }
        return query;
    }

    /**
     * The screen's word for an action, a field or a read's context; values other features add later show as they are
     * stored until the bundle names them.
     */
    public String label(String prefix, String key) {
        if (key == null) {
            return "";
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "auditMsg");
        return bundle.containsKey(prefix + key) ? bundle.getString(prefix + key) : key;
    }

    public LazyDataModel<AuditRow> getLines() {
        return lines;
    }

    public Long getPersonId() {
        return personId;
    }

    public void setPersonId(Long personId) {
        this.personId = personId;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
