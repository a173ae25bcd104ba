package vn.hssk.care;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import vn.hssk.household.Sex;
import vn.hssk.shared.Audited;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.Numbers;

/**
 * A programme of follow-up the station keeps (hypertension, diabetes, pregnancy, growth of the under-fives, the
 * elderly's yearly check). Its rules are data the province changes: who falls under it (an enrolment, a diagnosis in
 * an ICD-10 range from parts B and D, an age range in months, a sex) and how often they are seen. {@link CareRules}
 * applies them; nothing here is hard-coded per programme.
 */
@Entity
@Table(name = "care_programme")
public class CareProgramme extends Audited implements Serializable {

    static final int MAX_INTERVAL_DAYS = 3660;
    static final int MAX_UPCOMING_DAYS = 365;
    static final int MAX_AGE_MONTHS = 1800;

    @Id
    @Column(length = 20)
    private String code;

    @Column(name = "name_vi", nullable = false, length = 200)
    private String nameVi;

    @Column(name = "name_en", nullable = false, length = 200)
    private String nameEn;

    @Column(nullable = false)
    private boolean enrolment;

    @Column(name = "icd_from", length = 3)
    private String icdFrom;

    @Column(name = "icd_to", length = 3)
    private String icdTo;

    @Column(name = "min_age_months")
    private Integer minAgeMonths;

    @Column(name = "max_age_months")
    private Integer maxAgeMonths;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    private Sex sex;

    @Column(name = "interval_days", nullable = false)
    private int intervalDays;

    @Column(name = "calendar_year", nullable = false)
    private boolean calendarYear;

    @Column(name = "upcoming_days", nullable = false)
    private int upcomingDays;

    @Column(nullable = false)
    private boolean active;

    @Column(nullable = false)
    private int position;

    protected CareProgramme() {
    }

    /** A programme as the migration seeds them; for tests of the rules. */
    CareProgramme(String code, boolean enrolment, String icdFrom, String icdTo, Integer minAgeMonths,
                  Integer maxAgeMonths, Sex sex, int intervalDays, boolean calendarYear, int upcomingDays) {
        this.code = code;
        this.nameVi = code;
        this.nameEn = code;
        this.enrolment = enrolment;
        this.icdFrom = icdFrom;
        this.icdTo = icdTo;
        this.minAgeMonths = minAgeMonths;
        this.maxAgeMonths = maxAgeMonths;
        this.sex = sex;
        this.intervalDays = intervalDays;
        this.calendarYear = calendarYear;
        this.upcomingDays = upcomingDays;
        this.active = true;
    }

    /**
     * The province changes the programme's rules: the interval, how early a follow-up is listed, the ICD-10 range and
     * the age range, and whether it is kept at all. Which kind of programme it is (enrolment or not) stays.
     */
    public void changeRules(CareRulesDetails d, String actor) {
        FieldCheck f = new FieldCheck();
        Integer interval = d.intervalDays();
        if (interval == null) {
            f.fail("intervalDays", "required", "Interval is required", "intervalDays");
        } else if (interval < 1 || interval > MAX_INTERVAL_DAYS) {
            f.fail("intervalDays", "care.interval", "The interval is between 1 and " + MAX_INTERVAL_DAYS + " days",
                    MAX_INTERVAL_DAYS);
        }
        Integer upcoming = d.upcomingDays() == null ? 0 : d.upcomingDays();
        if (upcoming < 0 || upcoming > MAX_UPCOMING_DAYS) {
            f.fail("upcomingDays", "care.upcoming", "Upcoming days are between 0 and " + MAX_UPCOMING_DAYS,
                    MAX_UPCOMING_DAYS);
        }
        String from = icd(f, "icdFrom", d.icdFrom());
        String to = icd(f, "icdTo", d.icdTo());
        boolean noFrom = d.icdFrom() == null || d.icdFrom().isBlank();
        if (noFrom != (d.icdTo() == null || d.icdTo().isBlank())) {
            f.fail(noFrom ? "icdFrom" : "icdTo", "care.icdBoth", "An ICD-10 range needs both ends");
        } else if (from != null && to != null && from.compareTo(to) > 0) {
            f.fail("icdTo", "care.icdOrder", "The range ends before it starts");
        }
        age(f, "minAgeMonths", d.minAgeMonths());
        age(f, "maxAgeMonths", d.maxAgeMonths());
        if (d.minAgeMonths() != null && d.maxAgeMonths() != null && d.minAgeMonths() > d.maxAgeMonths()) {
            f.fail("maxAgeMonths", "care.ageOrder", "The age range ends before it starts");
        }
        if (!enrolment && from == null && d.minAgeMonths() == null && d.maxAgeMonths() == null) {
            f.fail("minAgeMonths", "care.nobody",
                    "A programme without enrolment needs an ICD-10 range or an age range, or it reaches nobody");
        }
        f.throwIfAny();
        this.intervalDays = interval;
        this.upcomingDays = upcoming;
        this.icdFrom = from;
        this.icdTo = to;
        this.minAgeMonths = d.minAgeMonths();
        this.maxAgeMonths = d.maxAgeMonths();
        this.calendarYear = Boolean.TRUE.equals(d.calendarYear());
        this.active = d.active() == null || d.active();
        recordChange(actor);
    }

    private static String icd(FieldCheck f, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (!v.matches("[A-Z][0-9]{2}")) {
            f.fail(field, "care.icd", "An ICD-10 category is a letter and two digits, as I10");
            return null;
        }
        return v;
    }

    private static void age(FieldCheck f, String field, Integer value) {
        if (value != null && (value < 0 || value > MAX_AGE_MONTHS)) {
            f.fail(field, "care.age", "An age in months is between 0 and " + MAX_AGE_MONTHS,
                    MAX_AGE_MONTHS);
        }
    }

    /** Whether an ICD-10 code (I10, I11.9, E11.65) lies in the programme's range of categories. */
    public boolean covers(String icd10Code) {
        if (icdFrom == null || icd10Code == null || icd10Code.length() < 3) {
            return false;
        }
        String category = icd10Code.substring(0, 3).toUpperCase(Locale.ROOT);
        return category.compareTo(icdFrom) >= 0 && category.compareTo(icdTo) <= 0;
    }

    public Map<String, String> snapshot() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("intervalDays", String.valueOf(intervalDays));
        m.put("upcomingDays", String.valueOf(upcomingDays));
        m.put("icdFrom", Objects.toString(icdFrom, ""));
        m.put("icdTo", Objects.toString(icdTo, ""));
        m.put("minAgeMonths", Objects.toString(minAgeMonths, ""));
        m.put("maxAgeMonths", Objects.toString(maxAgeMonths, ""));
        m.put("calendarYear", String.valueOf(calendarYear));
        m.put("active", String.valueOf(active));
        return m;
    }

    /** The reason written on the part D visit of a follow-up: "Theo dõi tăng huyết áp". */
    public String followUpReason() {
        return "Theo dõi " + nameVi.toLowerCase(Locale.forLanguageTag("vi"));
    }

    public String name(Locale locale) {
        return Numbers.english(locale) ? nameEn : nameVi;
    }

    public String getCode() {
        return code;
    }

    public String getNameVi() {
        return nameVi;
    }

    public String getNameEn() {
        return nameEn;
    }

    public boolean isEnrolment() {
        return enrolment;
    }

    public String getIcdFrom() {
        return icdFrom;
    }

    public String getIcdTo() {
        return icdTo;
    }

    public Integer getMinAgeMonths() {
        return minAgeMonths;
    }

    public Integer getMaxAgeMonths() {
        return maxAgeMonths;
    }

    public Sex getSex() {
        return sex;
    }

    public int getIntervalDays() {
        return intervalDays;
    }

    public boolean isCalendarYear() {
        return calendarYear;
    }

    public int getUpcomingDays() {
        return upcomingDays;
    }

    public boolean isActive() {
        return active;
    }

    public int getPosition() {
        return position;
    }
}
