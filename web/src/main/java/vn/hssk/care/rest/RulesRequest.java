package vn.hssk.care.rest;

/** The body of changing a programme's rules, with the version the user saw. */
public record RulesRequest(Integer version, Integer intervalDays, Integer upcomingDays, String icdFrom, String icdTo,
                           Integer minAgeMonths, Integer maxAgeMonths, Boolean calendarYear, Boolean active) {
}
