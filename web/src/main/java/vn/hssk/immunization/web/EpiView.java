package vn.hssk.immunization.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import vn.hssk.immunization.DueListService;
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
    private StockService stock;

    @Inject
    private DueListService dueLists;

    private Long stationId;
    private Long villageId;
    private String month = YearMonth.now(Dates.VIETNAM).toString();
    private List<StockLine> stockLines;
    private List<DueRow> dueRows = List.of();
    private List<HealthStation> stationList;
    private List<AdministrativeUnit> villageList;

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
