package vn.hssk.immunization.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import vn.hssk.immunization.CoverageRow;
import vn.hssk.immunization.CoverageService;
import vn.hssk.immunization.DueListService;
import vn.hssk.immunization.SessionService;
import vn.hssk.immunization.VaccinationSession;
import vn.hssk.immunization.Vaccine;
import vn.hssk.immunization.VaccineService;
import vn.hssk.immunization.StockLine;
import vn.hssk.immunization.StockService;
import vn.hssk.shared.web.Dates;
import vn.hssk.shared.web.ScreenMessages;
import vn.hssk.station.HealthStation;
import vn.hssk.station.StationService;
import vn.hssk.unit.AdministrativeUnit;

/**
 * The station's immunization screen: the stock of its lots and the due list of a village for a month, with a link to
 * the printable invitation list.
 */
@Named
@ViewScoped
public class EpiView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private StationService stations;

    @Inject
    private vn.hssk.tenant.web.SignedInUser signedIn;

    @Inject
    private StockService stock;

    @Inject
    private DueListService dueLists;

    @Inject
    private CoverageService coverage;

    @Inject
    private SessionService sessions;

    private Long stationId;
    private Long villageId;
    private String month = YearMonth.now(Dates.VIETNAM).toString();
    private List<StockLine> stockLines;
    private List<DueRow> dueRows = List.of();
    private List<HealthStation> stationList;
    private List<AdministrativeUnit> villageList;
    private String coverageFrom = YearMonth.now(Dates.VIETNAM).minusMonths(11).toString();
    private String coverageTo = YearMonth.now(Dates.VIETNAM).toString();
    private List<CoverageRow> coverageRows = List.of();
    private java.time.LocalDate sessionDate;
    private String sessionPlace;
    private Long sessionVillage;
    private List<String> sessionVaccines = new java.util.ArrayList<>();
    private List<VaccinationSession> sessionList;
    private Integer sessionCapacity;
    private java.util.Map<Long, Long> booked = java.util.Map.of();

    @Inject
    private VaccineService vaccineService;

    @Inject
    private VaccineNames vaccineNames;

    public List<HealthStation> getStations() {
        if (stationList == null) {
            stationList = stations.stations(null, false);
            if (stationId == null && !stationList.isEmpty()) {
                stationId = stationList.get(0).getId();
            }
        }
        return stationList;
    }

    public List<StockLine> getStock() {
        if (stockLines == null) {
            getStations();
            stockLines = stationId == null ? List.of() : stock.stock(stationId, false);
        }
        return stockLines;
    }

    public void stationChanged() {
        stockLines = null;
        sessionList = null;
    }

    public void showDueList() {
        try {
            YearMonth m = month == null || month.isBlank() ? null : YearMonth.parse(month.strip());
            dueRows = dueLists.dueList(villageId, m, Set.of()).stream().map(DueRow::of).toList();
        } catch (java.time.format.DateTimeParseException e) {
            ScreenMessages.failure(vn.hssk.shared.ProblemException.invalid("month", "yyyy-MM"), "dueForm");
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "dueForm");
        }
    }

    public void planSession() {
        try {
            VaccinationSession planned = sessions.plan(stationId, sessionDate, sessionPlace, sessionVillage,
                    sessionVaccines, null, sessionCapacity);
            Texts.info("sessions.planned", planned.getPlace());
            sessionList = null;
            sessionDate = null;
            sessionPlace = null;
            sessionCapacity = null;
            sessionVaccines = new java.util.ArrayList<>();
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "sessionForm");
        }
    }

    public List<VaccinationSession> getSessions() {
        if (sessionList == null) {
            getStations();
            sessionList = stationId == null ? List.of() : sessions.sessions(stationId,
                    java.time.LocalDate.now(Dates.VIETNAM).minusMonths(1), null);
            booked = sessionList.isEmpty() ? java.util.Map.of() : sessions.bookedPlaces(sessionList);
        }
        return sessionList;
    }

    /** Places booked from the citizen portal, "3" or "3 / 20" when the session has a capacity. */
    public String bookedIn(VaccinationSession session) {
        long taken = booked.getOrDefault(session.getId(), 0L);
        return session.getCapacity() == null ? String.valueOf(taken) : taken + " / " + session.getCapacity();
    }

    public Integer getSessionCapacity() {
        return sessionCapacity;
    }

    public void setSessionCapacity(Integer sessionCapacity) {
        this.sessionCapacity = sessionCapacity;
    }

    /** The vaccines planned for a session, by their names in the language of the screens. */
    public String vaccinesOf(VaccinationSession session) {
        return String.join(", ", session.getVaccines().stream().map(vaccineNames::name).toList());
    }

    public List<Vaccine> getVaccines() {
        return vaccineService.vaccines(false);
    }

    public boolean isStaff() {
        return signedIn.me().roles().contains(vn.hssk.shared.Roles.STATION_STAFF);
    }

    public java.time.LocalDate getSessionDate() {
        return sessionDate;
    }

    public void setSessionDate(java.time.LocalDate sessionDate) {
        this.sessionDate = sessionDate;
    }

    public String getSessionPlace() {
        return sessionPlace;
    }

    public void setSessionPlace(String sessionPlace) {
        this.sessionPlace = sessionPlace;
    }

    public Long getSessionVillage() {
        return sessionVillage;
    }

    public void setSessionVillage(Long sessionVillage) {
        this.sessionVillage = sessionVillage;
    }

    public List<String> getSessionVaccines() {
        return sessionVaccines;
    }

    public void setSessionVaccines(List<String> sessionVaccines) {
        this.sessionVaccines = sessionVaccines;
    }

    /**
     * The coverage of the selected station's commune and its villages. The month inputs carry the service's field
     * names ({@code from}, {@code to}), so a refusal lands next to the month it is about.
     */
    public void showCoverage() {
        try {
            coverageRows = coverage.coverage(getCoverageUnit(), month("from", coverageFrom),
                    month("to", coverageTo));
        } catch (RuntimeException e) {
            coverageRows = List.of();
            ScreenMessages.failure(e, "coverageForm");
        }
    }

    private static YearMonth month(String field, String text) {
        try {
            return YearMonth.parse(text == null ? "" : text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw vn.hssk.shared.ProblemException.invalid(field, "yyyy-MM");
        }
    }

    /** An indicator in words: a dose ({@code BCG#1}) as vaccine name and dose number, full immunization by its name. */
    public String indicator(String code) {
        if (vn.hssk.immunization.Coverage.FULLY_IMMUNIZED.equals(code)) {
            return Texts.format(jakarta.faces.context.FacesContext.getCurrentInstance(), "coverage.fullyImmunized");
        }
        int hash = code == null ? -1 : code.lastIndexOf('#');
        return hash < 0 ? code : vaccineNames.name(code.substring(0, hash)) + " – " + Texts.format(
                jakarta.faces.context.FacesContext.getCurrentInstance(), "dose.number") + " " + code.substring(hash + 1);
    }

    public Long getCoverageUnit() {
        return getStations().stream().filter(s -> s.getId().equals(stationId)).findFirst()
                .map(s -> s.getCommune().getId()).orElse(null);
    }

    public List<CoverageRow> getCoverageRows() {
        return coverageRows;
    }

    public String getCoverageFrom() {
        return coverageFrom;
    }

    public void setCoverageFrom(String coverageFrom) {
        this.coverageFrom = coverageFrom;
    }

    public String getCoverageTo() {
        return coverageTo;
    }

    public void setCoverageTo(String coverageTo) {
        this.coverageTo = coverageTo;
    }

    public List<AdministrativeUnit> getVillages() {
        if (villageList == null) {
            villageList = dueLists.villages();
        }
        return villageList;
    }

    public List<DueRow> getDueRows() {
        return dueRows;
    }

    public Long getStationId() {
        return stationId;
    }

    public void setStationId(Long stationId) {
        this.stationId = stationId;
    }

    public Long getVillageId() {
        return villageId;
    }

    public void setVillageId(Long villageId) {
        this.villageId = villageId;
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
    }
}
