package vn.hssk.care.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import vn.hssk.care.CareList;
import vn.hssk.care.CareService;
import vn.hssk.care.MissedFollowUp;
import vn.hssk.immunization.DueListService;
import vn.hssk.shared.web.Language;
import vn.hssk.shared.web.ScreenMessages;
import vn.hssk.unit.AdministrativeUnit;

/**
 * The station's care list: a village of the caller's communes and a day, the households with what each member is
 * due for, printed (PDF) or exported (XLSX) for the home visits; below it, the enrolled people of the village's
 * commune whose follow-up is overdue.
 */
@Named
@ViewScoped
public class CareListView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CareService care;

    @Inject
    private DueListService dueLists;

    @Inject
    private Language language;

    private Long village;
    private LocalDate asOf;
    private List<VillageChoice> villages;
    private CareList list;
    private List<MissedFollowUp> missed;

    /** A village offered in the chooser. */
    public record VillageChoice(long id, String label) implements Serializable {
    }

    public List<VillageChoice> getVillages() {
        if (villages == null) {
            villages = dueLists.villages().stream().map(CareListView::choice).toList();
            if (village == null && !villages.isEmpty()) {
                village = villages.get(0).id();
            }
        }
        return villages;
    }

    private static VillageChoice choice(AdministrativeUnit v) {
        return new VillageChoice(v.getId(), v.getName() + " – " + (v.getParent() == null ? "" : v.getParent()
                .getName()) + " (" + v.getCode() + ")");
    }

    public void load() {
        try {
            list = care.careList(village, asOf);
            missed = care.missed(list.villageId());
        } catch (RuntimeException e) {
            list = null;
            missed = null;
            ScreenMessages.failure(e, "careList");
        }
    }

    public StreamedContent getPdf() {
        return download("pdf");
    }

    public StreamedContent getXlsx() {
        return download("xlsx");
    }

    private StreamedContent download(String format) {
        CareService.ExportFile file = care.careListFile(village, asOf, format, language.getLocale());
        return DefaultStreamedContent.builder().name(file.name()).contentType(file.mediaType())
                .stream(() -> new ByteArrayInputStream(file.content())).build();
    }

    /** The item's name in the reader's language, with the dose for a vaccination. */
    public String task(CareList.Item item) {
        return item.name(language.getLocale()) + (item.detail() == null ? "" : " " + item.detail());
    }

    public CareList getList() {
        return list;
    }

    public List<MissedFollowUp> getMissed() {
        return missed;
    }

    public Long getVillage() {
        return village;
    }

    public void setVillage(Long village) {
        this.village = village;
    }

    public LocalDate getAsOf() {
        return asOf;
    }

    public void setAsOf(LocalDate asOf) {
        this.asOf = asOf;
    }
}
