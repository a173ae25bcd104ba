package vn.hssk.care;

/** What the province changes in a programme's rules ({@link CareProgramme#changeRules}). */
public record CareRulesDetails(Integer intervalDays, Integer upcomingDays, String icdFrom, String icdTo,
                               Integer minAgeMonths, Integer maxAgeMonths, Boolean calendarYear, Boolean active) {
}
