package vn.hssk.unit.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.PrimeFaces;
import org.primefaces.event.RowEditEvent;
import vn.hssk.shared.web.ScreenMessages;
import vn.hssk.tenant.web.SignedInUser;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;
import vn.hssk.unit.UnitService;

/**
 * The province home screen: find units of the administrative tree by name or code (the service ignores diacritics),
 * filter by level, and, for province administrators, rename a unit inline or add one. The search result (at most
 * {@value #MAX_ROWS} units) lives in the view so that the table can page through it.
 */
@Named
@ViewScoped
public class UnitsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_ROWS = 500;
    private static final List<UnitLevel> FILTER_LEVELS =
            List.of(UnitLevel.COMMUNE, UnitLevel.VILLAGE, UnitLevel.DISTRICT, UnitLevel.PROVINCE);
    private static final List<UnitLevel> PARENT_LEVELS =
            List.of(UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE);

    @Inject
    private UnitService unitService;

    @Inject
    private SignedInUser signedIn;

    private String query;
    private UnitLevel level;
    private List<UnitRow> rows;
    private List<UnitRow> parentChoices;
    private UnitDraft draft = new UnitDraft();

    public List<UnitRow> getRows() {
        if (rows == null) {
            rows = find(query, level);
        }
        return rows;
    }

    public void search() {
        try {
            rows = find(query, level);
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "search");
        }
    }

    public void rename(RowEditEvent<UnitRow> event) {
        UnitRow row = event.getObject();
        try {
            replace(UnitRow.of(unitService.rename(row.getId(), row.getName(), row.getVersion())));
            ScreenMessages.info("units.renamed", row.getCode());
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
        }
    }

    public void cancelEdit(RowEditEvent<UnitRow> event) {
        event.getObject().discardEdit();
    }

    public void create() {
        try {
            AdministrativeUnit unit = unitService.create(draft.getCode(), draft.getName(), draft.getLevel(),
                    draft.getUnitType(), draft.getParentId(), draft.getValidFrom());
            ScreenMessages.info("units.created", unit.getCode());
            draft = new UnitDraft();
            rows = null;
            parentChoices = null;
            PrimeFaces.current().ajax().addCallbackParam("created", true);
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "addUnit");
        }
    }

    /** Units a new unit can sit under: the province, its legacy districts and its communes. */
    public List<UnitRow> getParentChoices() {
        if (parentChoices == null) {
            List<UnitRow> choices = new ArrayList<>();
            for (UnitLevel parentLevel : PARENT_LEVELS) {
                choices.addAll(find(null, parentLevel));
            }
            parentChoices = choices;
        }
        return parentChoices;
    }

    private List<UnitRow> find(String text, UnitLevel onlyLevel) {
        String trimmed = text == null || text.isBlank() ? null : text.trim();
        return new ArrayList<>(unitService.search(trimmed, onlyLevel, java.time.LocalDate.now(), 0, MAX_ROWS).stream().map(UnitRow::of).toList());
    }

    private void replace(UnitRow changed) {
        rows.replaceAll(row -> row.getId() == changed.getId() ? changed : row);
    }

    public boolean isMayEdit() {
        return signedIn.isProvinceAdmin();
    }

    public boolean isTruncated() {
        return getRows().size() >= MAX_ROWS;
    }

    public int getMaxRows() {
        return MAX_ROWS;
    }

    public List<UnitLevel> getLevels() {
        return FILTER_LEVELS;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public UnitLevel getLevel() {
        return level;
    }

    public void setLevel(UnitLevel level) {
        this.level = level;
    }

    public UnitDraft getDraft() {
        return draft;
    }
}
