package vn.hssk.immunization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.hssk.household.Sex;

/**
 * Turns the published schedule rows (epi_schedule_source, a copy of catalogs/epi-schedule.csv) into vaccines and
 * schedule doses: rows of the same antigen and product (the product name without its parenthesised remarks) form one
 * series, numbered in catalog order; ages and intervals written as text ("2 months (programme practice)", "at least
 * 1 month after dose 1", "1 week (1-2 weeks) after dose 1", "within 24 hours after birth") become months and days.
 * A series is in force from the first circular its rows cite; rows of low confidence are not routine (they stay out
 * of due lists and coverage until a province administrator says otherwise).
 */
public final class ScheduleCatalog {

    /** A row as published. */
    public record SourceRow(long id, String antigen, String vaccine, String doseNumber, String recommendedAge,
                            String minimumAge, String minInterval, String targetGroup, String legalBasis,
                            String confidence, String notes) {
    }

    /** A vaccine to create with its doses. */
    public record Series(VaccineDetails vaccine, List<Dose> doses) {
    }

    /** One dose of a series and the row it came from. */
    public record Dose(long sourceId, ScheduleDoseDetails details) {
    }

    static final LocalDate TT_10_2024 = LocalDate.of(2024, 8, 1);
    static final LocalDate TT_52_2025 = LocalDate.of(2026, 2, 15);
    static final LocalDate TT_13_2026 = LocalDate.of(2026, 7, 1);

    private static final Pattern AMOUNT = Pattern.compile(
            "(\\d+)\\s*(?:-\\s*\\d+\\s*)?(hour|day|week|month|year)s?", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARENTHESES = Pattern.compile("\\([^)]*\\)");

    private ScheduleCatalog() {
    }

    public static List<Series> series(List<SourceRow> rows) {
        Map<String, List<SourceRow>> grouped = new LinkedHashMap<>();
        for (SourceRow row : rows) {
            grouped.computeIfAbsent(row.antigen().strip() + "|" + productName(row.vaccine()), k -> new ArrayList<>())
                    .add(row);
        }
        List<Series> result = new ArrayList<>();
        for (List<SourceRow> group : grouped.values()) {
            SourceRow first = group.get(0);
            String name = productName(first.vaccine());
            LocalDate from = inForceFrom(group);
            VaccineDetails vaccine = new VaccineDetails(code(name), first.vaccine().strip(), first.antigen().strip(),
                    null, null);
            List<Dose> doses = new ArrayList<>();
            int number = 1;
            for (SourceRow row : group) {
                boolean routine = !"low".equalsIgnoreCase(blank(row.confidence()));
                AgeSpan recommended = recommendedAge(row.recommendedAge());
                AgeSpan minimum = age(row.minimumAge());
                AgeSpan interval = number == 1 ? null : age(row.minInterval());
                if (number > 1 && recommended == null && minimum == null && interval == null) {
                    routine = false;
                }
                doses.add(new Dose(row.id(), new ScheduleDoseDetails(number, label(row.doseNumber(), number),
                        truncate(row.targetGroup(), 200), sex(row.targetGroup()), recommended, minimum, interval,
                        routine, from, null, truncate(row.legalBasis(), 1000), blank(row.confidence()),
                        truncate(row.notes(), 1000))));
                number++;
            }
            result.add(new Series(vaccine, doses));
        }
        return result;
    }

    /** The product without its remarks: "DPT-VGB-Hib (pentavalent, '5 in 1' in EPI)" is "DPT-VGB-Hib". */
    static String productName(String vaccine) {
        return PARENTHESES.matcher(vaccine).replaceAll("").replaceAll("\\s+", " ").strip();
    }

    static String code(String productName) {
        String c = productName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("^-|-$", "");
        return c.length() > 60 ? c.substring(0, 60).replaceAll("-$", "") : c;
    }

    /** A recommended age "within ... after birth" means as soon as born. */
    static AgeSpan recommendedAge(String text) {
        String t = blank(text);
        if (t == null) {
            return null;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.contains("after dose") || lower.contains("pregnan")) {
            return null;
        }
        if (lower.startsWith("within") && lower.contains("birth")) {
            return AgeSpan.ZERO;
        }
        return age(t);
    }

    /** "2 months (...)" is 2 months, "0 (birth)" is birth, "6 weeks" 42 days, "1 year after dose 2" 12 months. */
    static AgeSpan age(String text) {
        String t = blank(text);
        if (t == null) {
            return null;
        }
        Matcher m = AMOUNT.matcher(t);
        if (m.find()) {
            int n = Integer.parseInt(m.group(1));
            return switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "hour" -> AgeSpan.ZERO;
                case "day" -> new AgeSpan(0, n);
                case "week" -> new AgeSpan(0, 7 * n);
                case "month" -> new AgeSpan(n, 0);
                default -> new AgeSpan(12 * n, 0);
            };
        }
        if (t.toLowerCase(Locale.ROOT).contains("birth") || t.startsWith("0")) {
            return AgeSpan.ZERO;
        }
        return null;
    }

    static LocalDate inForceFrom(List<SourceRow> group) {
        String all = String.join(" ", group.stream().map(r -> String.valueOf(r.legalBasis())).toList());
        if (all.contains("TT 10/2024")) {
            return TT_10_2024;
        }
        if (all.contains("TT 52/2025")) {
            return TT_52_2025;
        }
        return TT_13_2026;
    }

    static Sex sex(String targetGroup) {
        String t = targetGroup == null ? "" : targetGroup.toLowerCase(Locale.ROOT);
        return t.contains("girl") || t.contains("women") || t.contains("pregnant") ? Sex.FEMALE : null;
    }

    private static String label(String doseNumber, int number) {
        String t = blank(doseNumber);
        return t == null ? String.valueOf(number) : truncate(t, 40);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() || s.strip().equals("-") ? null : s.strip();
    }

    private static String truncate(String s, int max) {
        String t = blank(s);
        return t == null || t.length() <= max ? t : t.substring(0, max);
    }
}
