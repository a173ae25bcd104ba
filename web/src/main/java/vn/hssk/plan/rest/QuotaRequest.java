package vn.hssk.plan.rest;

import java.util.List;
import vn.hssk.plan.QuotaEntry;

/** The quotas of a commune's villages for a year; {@code confirmAbovePopulation} accepts quotas above population. */
public record QuotaRequest(String commune, Integer year, Boolean confirmAbovePopulation, List<QuotaEntry> entries) {
}
