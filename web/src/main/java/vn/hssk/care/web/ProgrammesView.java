package vn.hssk.care.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import vn.hssk.care.CareProgramme;
import vn.hssk.care.CareRulesDetails;
import vn.hssk.care.CareService;
import vn.hssk.shared.web.Language;
import vn.hssk.shared.web.ScreenMessages;

/**
 * The programmes of follow-up and their rules, as the care list applies them; the province administrator changes a
 * programme's interval, how early it is listed, its ICD-10 and age ranges, or stops keeping it.
 */
@Named
@ViewScoped
public class ProgrammesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CareService care;

    @Inject
    private Language language;

    private List<CareProgramme> programmes;
    private String editing;
    private int version;
    private Integer intervalDays;
    private Integer upcomingDays;
    private String icdFrom;
    private String icdTo;
    private Integer minAgeMonths;
    private Integer maxAgeMonths;
    private boolean calendarYear;
    private boolean active;

    public List<CareProgramme> getProgrammes() {
        if (programmes == null) {
            programmes = care.programmes();
        }
        return programmes;
    }

    public String name(CareProgramme p) {
        return p.name(language.getLocale());
    }

    public void edit(CareProgramme p) {
        editing = p.getCode();
        version = p.getVersion();
        intervalDays = p.getIntervalDays();
        upcomingDays = p.getUpcomingDays();
        icdFrom = p.getIcdFrom();
        icdTo = p.getIcdTo();
        minAgeMonths = p.getMinAgeMonths();
        maxAgeMonths = p.getMaxAgeMonths();
        calendarYear = p.isCalendarYear();
        active = p.isActive();
    }

    public void save() {
        try {
            care.changeRules(editing, version, new CareRulesDetails(intervalDays, upcomingDays, icdFrom, icdTo,
                    minAgeMonths, maxAgeMonths, calendarYear, active));
            ScreenMessages.info("care.rulesSaved");
            editing = null;
            programmes = null;
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "rules");
        }
    }

    public void cancel() {
        editing = null;
    }

    public String getEditing() {
        return editing;
    }

    public Integer getIntervalDays() {
        return intervalDays;
    }

    public void setIntervalDays(Integer intervalDays) {
        this.intervalDays = intervalDays;
    }

    public Integer getUpcomingDays() {
        return upcomingDays;
    }

    public void setUpcomingDays(Integer upcomingDays) {
        this.upcomingDays = upcomingDays;
    }

    public String getIcdFrom() {
        return icdFrom;
    }

    public void setIcdFrom(String icdFrom) {
        this.icdFrom = icdFrom;
    }

    public String getIcdTo() {
        return icdTo;
    }

    public void setIcdTo(String icdTo) {
        this.icdTo = icdTo;
    }

    public Integer getMinAgeMonths() {
        return minAgeMonths;
    }

    public void setMinAgeMonths(Integer minAgeMonths) {
        this.minAgeMonths = minAgeMonths;
    }

    public Integer getMaxAgeMonths() {
        return maxAgeMonths;
    }

    public void setMaxAgeMonths(Integer maxAgeMonths) {
        this.maxAgeMonths = maxAgeMonths;
    }

    public boolean isCalendarYear() {
        return calendarYear;
    }

    public void setCalendarYear(boolean calendarYear) {
        this.calendarYear = calendarYear;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
