package vn.hssk.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.hssk.immunization.ScheduleDose;
import vn.hssk.immunization.Vaccine;
import vn.hssk.station.HealthStation;
import vn.hssk.shared.TextFolding;

/**
 * The province's catalogs a list of past doses is judged against, read once per run so that no row costs a query:
 * its vaccines (by code, or by the Vietnamese or catalog name as written, folded without diacritics, case or
 * punctuation), its schedule rows (the row in force on the day, as the dose screen takes it) and its stations by
 * facility code, closed ones too, since a past dose may have been given at a station closed since (an open station
 * wins when a code was reused).
 */
final class DoseCatalog {

    /** A vaccine found by what a row wrote, or none; a name that several vaccines of the catalog bear is ambiguous. */
    record VaccineMatch(Vaccine vaccine, boolean ambiguous) {
        boolean found() {
            return vaccine != null;
        }
    }

    private final Map<String, Vaccine> byCode = new HashMap<>();
    private final Map<String, Set<Vaccine>> byName = new HashMap<>();
    private final Map<String, List<ScheduleDose>> schedule = new HashMap<>();
    private final Map<String, HealthStation> stations = new HashMap<>();

    private DoseCatalog() {
    }

    static DoseCatalog of(List<Vaccine> vaccines, List<ScheduleDose> schedule, List<HealthStation> stations) {
        DoseCatalog c = new DoseCatalog();
        for (Vaccine v : vaccines) {
            c.byCode.put(v.getCode(), v);
            for (String name : new String[] {v.getCode(), v.getNameVi(), v.getName()}) {
                if (name != null && !key(name).isEmpty()) {
                    c.byName.computeIfAbsent(key(name), k -> new LinkedHashSet<>()).add(v);
                }
            }
        }
        for (ScheduleDose s : schedule) {
            c.schedule.computeIfAbsent(s.getVaccine().getCode(), k -> new ArrayList<>()).add(s);
        }
        for (HealthStation s : stations) {
            if (s.getFacilityCode() != null) {
                c.stations.merge(s.getFacilityCode(), s, DoseCatalog::preferred);
            }
        }
        return c;
    }

    /** The vaccine a row names: by its code first, then by its name or code folded. */
    VaccineMatch vaccine(String text) {
        Vaccine exact = byCode.get(text.strip().toUpperCase(Locale.ROOT));
        if (exact != null) {
            return new VaccineMatch(exact, false);
        }
        Set<Vaccine> named = byName.getOrDefault(key(text), Set.of());
        return named.size() == 1 ? new VaccineMatch(named.iterator().next(), false)
                : new VaccineMatch(null, named.size() > 1);
    }

    /** The schedule's row for dose {@code number} of the vaccine in force on {@code day}, the latest one if several. */
    ScheduleDose scheduleDose(Vaccine vaccine, int number, LocalDate day) {
        return schedule.getOrDefault(vaccine.getCode(), List.of()).stream()
                .filter(s -> s.getDoseNumber() == number && s.inForceOn(day))
                .max(Comparator.comparing(ScheduleDose::getValidFrom)).orElse(null);
    }

    /** Whether the vaccine has a schedule at all; a vaccine outside the schedule is not checked by it. */
    boolean hasSchedule(Vaccine vaccine) {
        return schedule.containsKey(vaccine.getCode());
    }

    /** The station with this facility code, or null. */
    HealthStation station(String facilityCode) {
        return stations.get(facilityCode.strip());
    }

    /** A name as compared: folded, punctuation as spaces, single-spaced. */
    static String key(String name) {
        return TextFolding.fold(name).replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static HealthStation preferred(HealthStation a, HealthStation b) {
        if (a.isClosed() != b.isClosed()) {
            return a.isClosed() ? b : a;
        }
        if (a.isClosed()) {
            return a.getClosedOn().isAfter(b.getClosedOn()) ? a : b;
        }
        return a;
    }
}
