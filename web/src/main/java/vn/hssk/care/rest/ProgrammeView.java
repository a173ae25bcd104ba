package vn.hssk.care.rest;

import vn.hssk.care.CareProgramme;

/** A programme and its rules as the API shows them. */
public record ProgrammeView(String code, String nameVi, String nameEn, boolean enrolment, String icdFrom, String icdTo,
                            Integer minAgeMonths, Integer maxAgeMonths, String sex, int intervalDays,
                            boolean calendarYear, int upcomingDays, boolean active, int version) {

    static ProgrammeView of(CareProgramme p) {
        return new ProgrammeView(p.getCode(), p.getNameVi(), p.getNameEn(), p.isEnrolment(), p.getIcdFrom(),
                p.getIcdTo(), p.getMinAgeMonths(), p.getMaxAgeMonths(), p.getSex() == null ? null : p.getSex().name(),
                p.getIntervalDays(), p.isCalendarYear(), p.getUpcomingDays(), p.isActive(), p.getVersion());
    }
}
