package vn.hssk.station.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.List;
import org.primefaces.PrimeFaces;
import vn.hssk.shared.web.ScreenMessages;
import vn.hssk.station.StaffPosition;
import vn.hssk.station.StationService;
import vn.hssk.tenant.web.SignedInUser;

/**
 * The stations screen: the stations of the province (commune roles: of their communes) with the staff of the selected
 * one. Province administrators open, correct and close stations and sub-sites, add and correct staff and record
 * their leaving; everything goes through {@link StationService}, which decides what each caller may see and do.
 */
@Named
@ViewScoped
public class StationsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String BUNDLE = "stationMsg";

    @Inject
    private StationService stationService;

    @Inject
    private SignedInUser signedIn;

    private boolean includeClosed;
    private List<StationRow> stations;
    private StationRow selected;
    private List<StaffRow> staff;
    private boolean includeEnded;
    private List<CommuneChoice> communes;
    private List<CommuneChoice> formerCommunes;
    private StationDraft stationDraft = new StationDraft();
    private StaffDraft staffDraft = new StaffDraft();
    private Ending closing;
    private Ending leaving;

    /** A commune offered in the forms. */
    public record CommuneChoice(String code, String name) implements Serializable {
    }

    public List<StationRow> getStations() {
        if (stations == null) {
            stations = stationService.stations(null, includeClosed).stream().map(StationRow::of).toList();
        }
        return stations;
    }

    public void reload() {
        stations = null;
        if (selected != null) {
            selected = getStations().stream().filter(s -> s.id() == selected.id()).findFirst().orElse(selected);
        }
        staff = null;
    }

    public void select(StationRow row) {
        selected = row;
        staff = null;
    }

    public List<StaffRow> getStaff() {
        if (selected == null) {
            return List.of();
        }
        if (staff == null) {
            staff = stationService.staff(selected.id(), includeEnded).stream().map(StaffRow::of).toList();
        }
        return staff;
    }

    public void newStation() {
        stationDraft = new StationDraft();
    }

    public void newSubSite(StationRow main) {
        stationDraft = new StationDraft();
        stationDraft.setParentId(main.id());
        stationDraft.setCommune(main.communeCode());
    }

    public void editStation(StationRow row) {
        stationDraft = StationDraft.of(row);
    }

    public void saveStation() {
        try {
            StationDraft d = stationDraft;
            if (d.isNew()) {
                stationService.create(d.getCommune(), d.getParentId(), d.getFormerCommune(), d.details());
                info("stations.created", d.getName());
            } else {
                stationService.amend(d.getId(), d.details(), d.getFormerCommune(), d.getVersion());
                info("stations.saved", d.getName());
            }
            stationDraft = new StationDraft();
            reload();
            PrimeFaces.current().ajax().addCallbackParam("saved", true);
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "stationForm");
        }
    }

    public void startClosing(StationRow row) {
        closing = new Ending(row.id(), row.name());
    }

    public void closeStation() {
        try {
            stationService.close(closing.getId(), closing.getDay(), closing.getReason());
            info("stations.closed", closing.getName());
            reload();
            PrimeFaces.current().ajax().addCallbackParam("saved", true);
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "closeForm");
        }
    }

    public void newStaff() {
        staffDraft = new StaffDraft();
    }

    public void editStaff(StaffRow row) {
        staffDraft = StaffDraft.of(row);
    }

    public void saveStaff() {
        try {
            StaffDraft d = staffDraft;
            if (d.isNew()) {
                stationService.addStaff(selected == null ? null : selected.id(), d.details());
                info("staff.created", d.getFullName());
            } else {
                stationService.amendStaff(d.getId(), d.details(), d.getVersion());
                info("staff.saved", d.getFullName());
            }
            staffDraft = new StaffDraft();
            staff = null;
            PrimeFaces.current().ajax().addCallbackParam("saved", true);
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "staffForm");
        }
    }

    public void startLeaving(StaffRow row) {
        leaving = new Ending(row.id(), row.fullName());
    }

    public void endStaff() {
        try {
            stationService.endStaff(leaving.getId(), leaving.getDay(), leaving.getReason());
            info("staff.ended", leaving.getName());
            staff = null;
            PrimeFaces.current().ajax().addCallbackParam("saved", true);
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "endForm");
        }
    }

    /** The current communes of the province (commune roles: theirs), for the station form. */
    public List<CommuneChoice> getCommunes() {
        if (communes == null) {
            communes = stationService.communes(false).stream()
                    .map(u -> new CommuneChoice(u.getCode(), u.getName())).toList();
        }
        return communes;
    }

    /** Current and former communes, for the commune a sub-site serves. */
    public List<CommuneChoice> getFormerCommunes() {
        if (formerCommunes == null) {
            formerCommunes = stationService.communes(true).stream()
                    .map(u -> new CommuneChoice(u.getCode(), u.getName())).distinct().toList();
        }
        return formerCommunes;
    }

    public List<StaffPosition> getPositions() {
        return List.of(StaffPosition.values());
    }

    public boolean isMayEdit() {
        return signedIn.isProvinceAdmin();
    }

    private static void info(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        String pattern = context.getApplication().getResourceBundle(context, BUNDLE).getString(key);
        String text = new MessageFormat(pattern, context.getViewRoot().getLocale()).format(arguments);
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    public boolean isIncludeClosed() {
        return includeClosed;
    }

    public void setIncludeClosed(boolean includeClosed) {
        this.includeClosed = includeClosed;
    }

    public boolean isIncludeEnded() {
        return includeEnded;
    }

    public void setIncludeEnded(boolean includeEnded) {
        this.includeEnded = includeEnded;
    }

    public StationRow getSelected() {
        return selected;
    }

    public StationDraft getStationDraft() {
        return stationDraft;
    }

    public StaffDraft getStaffDraft() {
        return staffDraft;
    }

    public Ending getClosing() {
        return closing;
    }

    public Ending getLeaving() {
        return leaving;
    }
}
