package vn.hssk.immunization.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import vn.hssk.immunization.StockLine;
import vn.hssk.immunization.StockService;
import vn.hssk.immunization.Vaccine;
import vn.hssk.immunization.VaccineLot;
import vn.hssk.immunization.VaccineService;
import vn.hssk.shared.web.Dates;
import vn.hssk.shared.web.ScreenMessages;
import vn.hssk.station.HealthStation;
import vn.hssk.station.StationService;

/**
 * The province administrator's vaccine lots: receive a lot, allocate doses to a station, see the lots expiring within
 * 60 days and the stock of every station.
 */
@Named
@ViewScoped
public class LotsView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int EXPIRING_DAYS = 60;

    @Inject
    private StockService stock;

    @Inject
    private VaccineService vaccines;

    @Inject
    private StationService stations;

    private String vaccine;
    private String lotNumber;
    private LocalDate expiry;
    private Integer quantity;
    private Long allocateLot;
    private Long allocateStation;
    private Integer allocateQuantity;
    private List<VaccineLot> lots;
    private List<StockLine> stockLines;

    public void receive() {
        try {
            VaccineLot lot = stock.receiveLot(vaccine, lotNumber, expiry, quantity, null);
            Texts.info("lots.received", lot.getLotNumber(), lot.getQuantity());
            vaccine = null;
            lotNumber = null;
            expiry = null;
            quantity = null;
            lots = null;
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "receiveForm");
        }
    }

    public void allocate() {
        try {
            if (allocateLot == null) {
                throw vn.hssk.shared.ProblemException.invalid("lotId", "Choose a lot");
            }
            stock.allocate(allocateLot, allocateStation, allocateQuantity, null);
            Texts.info("lots.allocated", allocateQuantity);
            allocateQuantity = null;
            lots = null;
            stockLines = null;
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "allocateForm");
        }
    }

    public List<VaccineLot> getLots() {
        if (lots == null) {
            lots = stock.lots(null, null);
        }
        return lots;
    }

    public boolean expiring(VaccineLot lot) {
        return !lot.getExpiry().isAfter(LocalDate.now(Dates.VIETNAM).plusDays(EXPIRING_DAYS));
    }

    public List<StockLine> getStock() {
        if (stockLines == null) {
            stockLines = stock.stock(null, false);
        }
        return stockLines;
    }

    public List<Vaccine> getVaccines() {
        return vaccines.vaccines(false);
    }

    public List<HealthStation> getStations() {
        return stations.stations(null, false);
    }

    public String getVaccine() {
        return vaccine;
    }

    public void setVaccine(String vaccine) {
        this.vaccine = vaccine;
    }

    public String getLotNumber() {
        return lotNumber;
    }

    public void setLotNumber(String lotNumber) {
        this.lotNumber = lotNumber;
    }

    public LocalDate getExpiry() {
        return expiry;
    }

    public void setExpiry(LocalDate expiry) {
        this.expiry = expiry;
    }

    public Integer getQuantity() {
        return quantity;
    }

    public void setQuantity(Integer quantity) {
        this.quantity = quantity;
    }

    public Long getAllocateLot() {
        return allocateLot;
    }

    public void setAllocateLot(Long allocateLot) {
        this.allocateLot = allocateLot;
    }

    public Long getAllocateStation() {
        return allocateStation;
    }

    public void setAllocateStation(Long allocateStation) {
        this.allocateStation = allocateStation;
    }

    public Integer getAllocateQuantity() {
        return allocateQuantity;
    }

    public void setAllocateQuantity(Integer allocateQuantity) {
        this.allocateQuantity = allocateQuantity;
    }
}
