package vn.hssk.plan.rest;

/** Copy a commune's quotas from one year to another ({@code overwrite} replaces quotas already there). */
public record CopyRequest(String commune, Integer fromYear, Integer toYear, Boolean overwrite) {
}
