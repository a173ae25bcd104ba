package vn.hssk.immunization.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import vn.hssk.immunization.DoseDetails;
import vn.hssk.immunization.DoseSource;
import vn.hssk.immunization.ImmunizationService;
import vn.hssk.immunization.InjectionSite;
import vn.hssk.immunization.StockLine;
import vn.hssk.immunization.StockService;
import vn.hssk.immunization.Vaccine;
import vn.hssk.immunization.VaccineService;
import vn.hssk.shared.Roles;
import vn.hssk.shared.web.ScreenMessages;
import vn.hssk.tenant.web.SignedInUser;

/**
 * Part C (immunizations) of the person open on the persons screen: the doses, and for station staff the entry of a
 * dose given now from a lot of their station's stock or of a past dose from a vaccination card. The doses are read
 * (and audited) once per person opened, and again after a change.
 */
@Named("partC")
@ViewScoped
public class PartCView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ImmunizationService immunizations;

    @Inject
    private VaccineService vaccines;

    @Inject
    private StockService stock;

    @Inject
    private vn.hssk.immunization.CertificateService certificates;

    @Inject
    private SignedInUser signedIn;

    @Inject
    private vn.hssk.shared.web.Language language;

    private Long loadedFor;
    private List<DoseRow> doses = List.of();
    private List<Vaccine> vaccineList;

    private DoseSource source = DoseSource.GIVEN;
    private String vaccine;
    private Integer doseNumber;
    private LocalDate givenOn;
    private String lot;
    private InjectionSite site;
    private String givenBy;
    private String place;
    private String overrideReason;

    /** The doses of the person; read when another person is opened. */
    public List<DoseRow> doses(Long personId) {
        if (personId == null) {
            return List.of();
        }
        if (!personId.equals(loadedFor)) {
            loadedFor = personId;
            doses = immunizations.doses(personId, false).stream().map(DoseRow::of).toList();
            resetForm();
        }
        return doses;
    }

    public void record(Long personId) {
        try {
            Long stationId = null;
            Long lotId = null;
            String code = vaccine;
            if (source == DoseSource.GIVEN && lot != null && lot.contains(":")) {
                String[] parts = lot.split(":");
                stationId = Long.valueOf(parts[0]);
                lotId = Long.valueOf(parts[1]);
                code = parts[2];
            }
            var saved = immunizations.record(personId, new DoseDetails(code, doseNumber, givenOn, source, stationId,
                    lotId, source == DoseSource.GIVEN ? site : null, givenBy,
                    source == DoseSource.HISTORICAL ? place : null, overrideReason));
            Texts.info("partC.recorded", saved.getVaccine().name(language.getLocale()), saved.getDoseNumber());
            loadedFor = null;
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "partCForm");
        }
    }

    /** Issues a vaccination certificate of the doses recorded, as a PDF download. */
    public org.primefaces.model.StreamedContent certificate(Long personId) {
        try {
            var issued = certificates.issue(personId, language.getLocale());
            byte[] pdf = issued.pdf();
            return org.primefaces.model.DefaultStreamedContent.builder()
                    .name("chung-nhan-tiem-chung-" + issued.number() + ".pdf").contentType("application/pdf")
                    .stream(() -> new java.io.ByteArrayInputStream(pdf)).build();
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "partCForm");
            return null;
        }
    }

    private void resetForm() {
        source = DoseSource.GIVEN;
        vaccine = null;
        doseNumber = null;
        givenOn = null;
        lot = null;
        site = null;
        place = null;
        overrideReason = null;
    }

    public boolean isMayRecord() {
        return signedIn.me().roles().contains(Roles.STATION_STAFF);
    }

    public List<Vaccine> getVaccines() {
        if (vaccineList == null) {
            vaccineList = vaccines.vaccines(false);
        }
        return vaccineList;
    }

    /** The lots the caller's stations hold, as "station:lot:vaccine" keys. */
    public List<StockLine> getLots() {
        return isMayRecord() ? stock.stock(null, false).stream()
                .filter(l -> !l.expiry().isBefore(LocalDate.now(vn.hssk.shared.web.Dates.VIETNAM))).toList()
                : List.of();
    }

    public DoseSource[] getSources() {
        return DoseSource.values();
    }

    public InjectionSite[] getSites() {
        return InjectionSite.values();
    }

    public DoseSource getSource() {
        return source;
    }

    public void setSource(DoseSource source) {
        this.source = source;
    }

    public String getVaccine() {
        return vaccine;
    }

    public void setVaccine(String vaccine) {
        this.vaccine = vaccine;
    }

    public Integer getDoseNumber() {
        return doseNumber;
    }

    public void setDoseNumber(Integer doseNumber) {
        this.doseNumber = doseNumber;
    }

    public LocalDate getGivenOn() {
        return givenOn;
    }

    public void setGivenOn(LocalDate givenOn) {
        this.givenOn = givenOn;
    }

    public String getLot() {
        return lot;
    }

    public void setLot(String lot) {
        this.lot = lot;
    }

    public InjectionSite getSite() {
        return site;
    }

    public void setSite(InjectionSite site) {
        this.site = site;
    }

    public String getGivenBy() {
        return givenBy;
    }

    public void setGivenBy(String givenBy) {
        this.givenBy = givenBy;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public String getOverrideReason() {
        return overrideReason;
    }

    public void setOverrideReason(String overrideReason) {
        this.overrideReason = overrideReason;
    }
}
